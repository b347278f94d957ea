import { describe, expect, it } from 'vitest';
import type { MeasureDefinition, SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { fieldOrder, hasHeadline, parseWeeks, readSettingsForm, settingsProblemErrors, weeksText } from './settingsForm.js';

const measure = (key: string, scoring: MeasureDefinition['scoring']): SchemeMeasure => ({
  definition: {
    key,
    name: `${key} scale`,
    shortName: key.toUpperCase(),
    origin: 'standard',
    version: 1,
    description: 'd',
    intro: null,
    responses: [
      { value: 1, label: 'a' },
      { value: 2, label: 'b' },
    ],
    items: [{ key: 'i1', text: 'q', type: 'choice', required: true }],
    scoring,
    direction: 'higher-better',
    bands: [],
    meaningfulChange: null,
    licence: null,
    selfCompletion: true,
  },
  enabled: true,
  meaningfulChange: null,
});

const sw = measure('sw', { rule: 'sum' });
const each = measure('each', { rule: 'each' });
const measures = [sw, each];

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

describe('outcome settings form', () => {
  it('reads follow-up weeks', () => {
    expect(parseWeeks('24, 12 12')).toEqual({ ok: true, weeks: [12, 24] });
    expect(parseWeeks('')).toEqual({ ok: true, weeks: [] });
    expect(parseWeeks('6,x')).toEqual({ ok: false, message: 'Enter follow-ups as whole numbers of weeks, separated by commas, like 6, 12' });
    expect(parseWeeks('0')).toEqual({ ok: false, message: 'Each follow-up must be between 1 and 156 weeks after first contact' });
    expect(weeksText([{ kind: 'closure' }, { kind: 'follow-up', weeks: 24 }, { kind: 'baseline' }, { kind: 'follow-up', weeks: 6 }])).toBe('6, 24');
  });

  it('offers a threshold only where there is a headline score', () => {
    expect(hasHeadline(sw)).toBe(true);
    expect(hasHeadline(each)).toBe(false);
    expect(hasHeadline(measure('pam', { rule: 'entered', headline: 'score' }))).toBe(true);
    expect(hasHeadline(measure('star', { rule: 'entered', headline: null }))).toBe(false);
  });

  it('reads switches, thresholds, the schedule and the days', () => {
    const data = form({
      'enabled-sw': 'yes',
      'meaningful-sw': '2.87',
      'schedule-sw-baseline': 'yes',
      'schedule-sw-weeks': '12, 24',
      'schedule-sw-closure': 'yes',
      overdueAfterDays: '14',
      linkExpiryDays: '10',
    });
    expect(readSettingsForm(data, measures, ['sw'])).toEqual({
      ok: true,
      value: {
        disabledMeasures: ['each'],
        meaningfulChange: { sw: 2.87 },
        schedule: [{ measureKey: 'sw', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }, { kind: 'follow-up', weeks: 24 }, { kind: 'closure' }] }],
        overdueAfterDays: 14,
        linkExpiryDays: 10,
      },
    });
  });

  it('says what to fix, by field', () => {
    const data = form({ 'meaningful-sw': '-1', 'schedule-each-weeks': '', overdueAfterDays: '0', linkExpiryDays: '61' });
    const result = readSettingsForm(data, measures, ['each']);
    expect(result).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          'meaningful-sw': 'Enter the meaningful change for SW as a number above 0, like 2.87, or leave it empty',
          'schedule-each-baseline': 'Choose when EACH is used, or remove it from the schedule',
          overdueAfterDays: 'Enter when a measure counts as overdue as a whole number of days from 1 to 90',
          linkExpiryDays: 'Enter how long a link works as a whole number of days from 1 to 60',
        },
      },
    });
  });

  it('lists fields in page order and routes server problems', () => {
    expect(fieldOrder(measures, ['sw'])).toEqual([
      'enabled-sw',
      'enabled-each',
      'meaningful-sw',
      'schedule-sw-baseline',
      'schedule-sw-weeks',
      'schedule-sw-closure',
      'overdueAfterDays',
      'linkExpiryDays',
    ]);
    expect(
      settingsProblemErrors(
        { detail: 'Bad', errors: [{ field: 'body.overdueAfterDays', message: 'Too big' }, { field: 'body.schedule.0.measureKey', message: 'Unknown measure' }] },
        ['overdueAfterDays'],
      ),
    ).toEqual({ detail: 'Unknown measure', fields: { overdueAfterDays: 'Too big' } });
    expect(settingsProblemErrors({ detail: 'Bad', errors: [] }, [])).toEqual({ detail: 'Bad', fields: {} });
  });
});
