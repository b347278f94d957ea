import { describe, expect, it } from 'vitest';
import { deriveSearchFields, type SearchSource } from './derive.js';
import { accessFeaturesForFormats, ageOn } from './match.js';
import { sessionsOfRow, summaryOf } from './present.js';
import { queryWords } from './search.js';

describe('queryWords', () => {
  it('splits on anything but letters and digits, lower-cased', () => expect(queryWords('Walking-group, Tuesday!')).toEqual(['walking', 'group', 'tuesday']));
  it('keeps accents', () => expect(queryWords('Café')).toEqual(['café']));
  it('at most twelve words', () => expect(queryWords('a b c d e f g h i j k l m n')).toHaveLength(12));
  it('nothing → nothing', () => {
    expect(queryWords(undefined)).toEqual([]);
    expect(queryWords('  -- ')).toEqual([]);
  });
});

describe('summaryOf', () => {
  it('short text is kept, whitespace tidied', () => expect(summaryOf('  A walk\n in the   park. ')).toBe('A walk in the park.'));
  it('no description → empty', () => expect(summaryOf(null)).toBe(''));
  it('long text is cut at a word, within 200 characters', () => {
    const text = `${'word '.repeat(60)}end`;
    const summary = summaryOf(text);
    expect(summary.length).toBeLessThanOrEqual(200);
    expect(summary.endsWith('word…')).toBe(true);
  });
  it('a long text without spaces is cut hard', () => expect(summaryOf('x'.repeat(300))).toBe(`${'x'.repeat(199)}…`));
});

describe('ageOn', () => {
  it.each([
    ['1950-03-02', '2026-03-01', 75],
    ['1950-03-02', '2026-03-02', 76],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2026-01-01', '2026-01-01', 0],
  ])('born %s, on %s → %i', (dob, today, age) => expect(ageOn(dob, today)).toBe(age));
  it('born after the day, or unreadable → null', () => {
    expect(ageOn('2027-01-01', '2026-01-01')).toBeNull();
    expect(ageOn('1950', '2026-01-01')).toBeNull();
  });
});

describe('accessFeaturesForFormats', () => {
  it('maps the formats a venue can serve', () => expect(accessFeaturesForFormats(['bsl', 'easy-read', 'large-print', 'audio'])).toEqual(['bsl', 'large_print']));
  it('none → none', () => expect(accessFeaturesForFormats([])).toEqual([]));
});

describe('deriveSearchFields', () => {
  const source: SearchSource = {
    name: 'Walk and talk',
    alternateName: 'W&T',
    description: 'A gentle stroll.',
    eligibilityDescription: 'Adults',
    organizationName: 'Hyde Park Friends',
    termNames: ['Walking'],
    termIds: ['b', 'a', 'b'],
    schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00:00', closes_at: '11:30:00' }],
    languages: [{ code: null, name: 'Polish' }, { code: 'PL', name: null }, { code: null, name: 'Elvish' }],
    accessibilityTexts: ['Ramp at the front'],
    points: [
      { latitude: null, longitude: null, locationType: 'physical' },
      { latitude: 51.5, longitude: -0.1, locationType: 'virtual' },
      { latitude: 53.8, longitude: -1.5, locationType: 'physical' },
    ],
    fees: null,
    fees_description: 'Free',
    costOptions: [],
  };
  it('derives every column', () =>
    expect(deriveSearchFields(source)).toEqual({
      textA: 'Walk and talk',
      textB: 'Hyde Park Friends Walking',
      textC: 'A gentle stroll. Adults W&T',
      termIds: ['a', 'b'],
      languageCodes: ['pl'],
      accessibilityFeatures: ['step_free'],
      free: true,
      openHours: [210, 211],
      latitude: 53.8,
      longitude: -1.5,
      words: ['friends', 'gentle', 'hyde', 'park', 'stroll', 'talk', 'walk', 'walking'],
    }));
  it('no located site → no point', () => {
    const fields = deriveSearchFields({ ...source, points: [] });
    expect([fields.latitude, fields.longitude]).toEqual([null, null]);
  });
});

describe('sessionsOfRow', () => {
  it('merges own and site schedules, sorted, without repeats, monthly ones marked', () =>
    expect(
      sessionsOfRow({
        own_schedules: [{ freq: 'WEEKLY', byday: 'TH', opens_at: '14:00:00', closes_at: null }],
        site_schedules: [
          { freq: 'WEEKLY', byday: 'TU,TH', opens_at: '10:00:00', closes_at: '11:30:00' },
          { freq: null, byday: 'TU', opens_at: '10:00:00', closes_at: '11:30:00' },
          { freq: 'MONTHLY', byday: '2TU', opens_at: '18:00:00', closes_at: '20:00:00' },
          { freq: 'WEEKLY', byday: null, opens_at: '09:00:00', closes_at: '10:00:00' },
        ],
      }),
    ).toEqual([
      { weekday: 2, opensAt: 600, closesAt: 690, monthly: false },
      { weekday: 2, opensAt: 1080, closesAt: 1200, monthly: true },
      { weekday: 4, opensAt: 600, closesAt: 690, monthly: false },
      { weekday: 4, opensAt: 840, closesAt: null, monthly: false },
    ]));
});
