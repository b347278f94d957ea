import { describe, expect, it } from 'vitest';
import { readSettingsForm, settingsFieldId } from './settingsForm.js';

const current = { staleAfterDays: 365, needTerms: { housing: ['0b7e2f4e-1d3c-4b5a-9f00-000000000001'] }, area: null, contactEmail: null, contactPhone: null };
const TERM = '0b7e2f4e-1d3c-4b5a-9f00-123456789abc';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

describe('readSettingsForm', () => {
  it('reads the settings and keeps the terms of needs not shown', () => {
    const checked = readSettingsForm(
      form({ staleAfterDays: '180', areaDescription: 'North Leeds', latitude: '53.815', longitude: '-1.534', radiusKm: '8', contactEmail: 'team@example.org', 'need-loneliness': [TERM] }),
      current,
      ['loneliness'],
    );
    expect(checked).toEqual({
      ok: true,
      value: {
        staleAfterDays: 180,
        needTerms: { housing: ['0b7e2f4e-1d3c-4b5a-9f00-000000000001'], loneliness: [TERM] },
        area: { description: 'North Leeds', latitude: 53.815, longitude: -1.534, radiusKm: 8 },
        contactEmail: 'team@example.org',
        contactPhone: null,
      },
    });
  });

  it('treats three empty area boxes as no area, and a half-filled area as a mistake', () => {
    const none = readSettingsForm(form({ staleAfterDays: '30' }), current, []);
    expect(none.ok && none.value.area).toBeNull();
    const half = readSettingsForm(form({ staleAfterDays: '30', latitude: '53.8' }), current, []);
    expect(half.ok).toBe(false);
    if (!half.ok) expect(Object.keys(half.errors.fields).sort()).toEqual(['longitude', 'radiusKm']);
  });

  it('uses the contract’s limits and words', () => {
    const short = readSettingsForm(form({ staleAfterDays: '3' }), current, []);
    expect(short.ok ? null : short.errors.fields.staleAfterDays).toBe('At least 7 days');
    const words = readSettingsForm(form({ staleAfterDays: 'a year' }), current, []);
    expect(words.ok ? null : words.errors.fields.staleAfterDays).toBe('Enter a whole number of days, like 180');
  });

  it('places API errors on the form', () => {
    expect(settingsFieldId(['body', 'area', 'description'])).toBe('areaDescription');
    expect(settingsFieldId(['body', 'area', 'radiusKm'])).toBe('radiusKm');
    expect(settingsFieldId(['body', 'contactEmail'])).toBe('contactEmail');
  });
});
