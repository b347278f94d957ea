import { describe, expect, it } from 'vitest';
import type { DueMeasure, SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { ONS4, OUTCOMES_STAR, PAM, SWEMWBS, WEMWBS } from '../../../../src/outcomes/measures/builtin.js';
import {
  byUrgency,
  caseReferrals,
  checkCompletedOn,
  chosenReferral,
  completedAtOf,
  linkMeasures,
  modesFor,
  readWhose,
  recordableMeasures,
  scoreText,
  suggestedTimepoint,
  timepointsFor,
} from './forms.js';

const offered = (definition: SchemeMeasure['definition'], enabled = true): SchemeMeasure => ({ definition, enabled, meaningfulChange: definition.meaningfulChange });

describe('which measures each form offers', () => {
  const measures = [offered(SWEMWBS), offered(WEMWBS, false), offered(PAM), offered(ONS4)];
  it('sends links only for enabled measures a person may complete alone', () => {
    expect(linkMeasures(measures).map((m) => m.key)).toEqual(['swemwbs', 'ons4']);
  });
  it('records any enabled measure, licensed tools included', () => {
    expect(recordableMeasures(measures).map((m) => m.key)).toEqual(['swemwbs', 'pam', 'ons4']);
  });
  it('offers "score obtained elsewhere" only for licensed tools', () => {
    expect(modesFor(PAM)).toEqual(['with-worker', 'paper', 'external']);
    expect(modesFor(OUTCOMES_STAR)).toContain('external');
    expect(modesFor(SWEMWBS)).toEqual(['with-worker', 'paper']);
  });
});

describe('timepoints', () => {
  const schedule = [{ measureKey: 'swemwbs', points: [{ kind: 'baseline' as const }, { kind: 'follow-up' as const, weeks: 12 }] }];
  const choices = timepointsFor(schedule, 'swemwbs');
  const due = (timepoint: string, state: DueMeasure['state'], dueOn: string, measureKey = 'swemwbs'): DueMeasure => ({
    personId: '00000000-0000-4000-8000-000000000001',
    personName: 'A Person',
    referralId: '00000000-0000-4000-8000-000000000002',
    referralReference: 'R-1',
    measureKey,
    measureName: 'SWEMWBS',
    timepoint,
    timepointLabel: timepoint,
    dueOn,
    overdueFrom: dueOn,
    state,
    responseId: null,
  });

  it('offers the measure’s schedule and Other, or only Other off the schedule', () => {
    expect(choices.map((c) => c.value)).toEqual(['baseline', 'follow-up-12', 'other']);
    expect(timepointsFor(schedule, 'ons4').map((c) => c.value)).toEqual(['other']);
    expect(timepointsFor(null, 'swemwbs').map((c) => c.value)).toEqual(['other']);
  });
  it('suggests the overdue timepoint before a due or upcoming one', () => {
    const list = [due('follow-up-12', 'upcoming', '2026-06-01'), due('baseline', 'overdue', '2026-03-01')];
    expect(suggestedTimepoint(list, 'swemwbs', choices)).toBe('baseline');
  });
  it('ignores done items and other measures, then falls back to the first choice', () => {
    const list = [due('baseline', 'done', '2026-03-01'), due('follow-up-12', 'overdue', '2026-03-01', 'ons4')];
    expect(suggestedTimepoint(list, 'swemwbs', choices)).toBe('baseline');
    expect(suggestedTimepoint([due('follow-up-12', 'due', '2026-06-01')], 'swemwbs', choices)).toBe('follow-up-12');
  });
});

describe('caseReferrals', () => {
  it('leaves out referrals that never became a case', () => {
    const referrals = [
      { id: 'a', reference: 'R-1', status: 'active' },
      { id: 'b', reference: 'R-2', status: 'declined' },
      { id: 'c', reference: 'R-3', status: 'closed' },
      { id: 'd', reference: 'R-4', status: 'redirected' },
    ];
    expect(caseReferrals(referrals)).toEqual([
      { id: 'a', reference: 'R-1' },
      { id: 'c', reference: 'R-3' },
    ]);
  });
});

describe('chosenReferral', () => {
  it('takes the choice when the form asks for one, else the only referral, else none', () => {
    const two = [
      { id: 'a', reference: 'R-1' },
      { id: 'b', reference: 'R-2' },
    ];
    expect(chosenReferral(two, 'b')).toBe('b');
    expect(chosenReferral([{ id: 'a', reference: 'R-1' }], '')).toBe('a');
    expect(chosenReferral([], '')).toBeNull();
  });
});

describe('checkCompletedOn', () => {
  const today = '2026-03-15';
  it('accepts today or a past date', () => {
    expect(checkCompletedOn({ day: '15', month: '3', year: '2026' }, today)).toEqual({ ok: true, iso: '2026-03-15' });
    expect(checkCompletedOn({ day: '1', month: '2', year: '2026' }, today)).toEqual({ ok: true, iso: '2026-02-01' });
  });
  it('says what is wrong', () => {
    expect(checkCompletedOn({ day: '', month: '', year: '' }, today)).toEqual({ ok: false, message: 'Enter the date the measure was completed' });
    expect(checkCompletedOn({ day: '1', month: '', year: '2026' }, today)).toEqual({
      ok: false,
      message: 'The date the measure was completed must include a day, month and year',
    });
    expect(checkCompletedOn({ day: '30', month: '2', year: '2026' }, today)).toEqual({ ok: false, message: 'The date the measure was completed must be a real date' });
    expect(checkCompletedOn({ day: '16', month: '3', year: '2026' }, today)).toEqual({
      ok: false,
      message: 'The date the measure was completed must be today or in the past',
    });
  });
  it('sends a past date as midday UTC, and no time for today so the server uses its own clock', () => {
    // With today fixed at 15 March 2026: midday on the 15th would be in the future before noon, and refused.
    expect(completedAtOf('2026-03-15', today)).toBeUndefined();
    expect(completedAtOf('2026-03-14', today)).toBe('2026-03-14T12:00:00Z');
    expect(completedAtOf('2026-07-01', '2026-07-02')).toBe('2026-07-01T12:00:00Z');
  });
});

describe('scoreText', () => {
  const answers = { values: {}, names: {} };
  it('gives the SWEMWBS metric score with the raw score (raw 26 → 23.21, measures.md)', () => {
    const score = { headline: 23.21, raw: 26, items: {}, band: null, itemBands: {} };
    expect(scoreText({ status: 'completed', score, answers }, {})).toBe('23.21 (raw score 26)');
  });
  it('gives a total with its band', () => {
    const score = { headline: 48, raw: null, items: {}, band: 'Average', itemBands: {} };
    expect(scoreText({ status: 'completed', score, answers }, {})).toBe('48, Average');
  });
  it('gives each ONS4 item with its band, by the line labels', () => {
    const score = { headline: null, raw: null, items: { life_satisfaction: 7, anxiety: 3 }, band: null, itemBands: { life_satisfaction: 'High', anxiety: 'Low' } };
    expect(scoreText({ status: 'completed', score, answers }, { life_satisfaction: 'Life satisfaction', anxiety: 'Anxiety' })).toBe(
      'Life satisfaction 7 (High); Anxiety 3 (Low)',
    );
  });
  it('reads item bands by the item’s own key only, so an item keyed "constructor" has no band from Object', () => {
    const score = { headline: null, raw: null, items: { constructor: 4 }, band: null, itemBands: {} };
    expect(scoreText({ status: 'completed', score, answers }, { constructor: 'Settled' })).toBe('Settled 4');
  });
  it('names a named rating by what the person named', () => {
    const score = { headline: null, raw: null, items: { area_1: 6 }, band: null, itemBands: {} };
    expect(scoreText({ status: 'completed', score, answers: { values: { area_1: 6 }, names: { area_1: 'Managing money' } } }, {})).toBe('Managing money 6');
  });
  it('does not score an unfinished response', () => {
    expect(scoreText({ status: 'in-progress', score: null, answers }, {})).toBe('Not scored');
  });
});

describe('the due list', () => {
  it('lets only a manager ask for everyone’s measures', () => {
    expect(readWhose(new URLSearchParams('whose=all'), true)).toBe('all');
    expect(readWhose(new URLSearchParams('whose=all'), false)).toBe('mine');
    expect(readWhose(new URLSearchParams(''), true)).toBe('mine');
    expect(readWhose(new URLSearchParams('whose=nonsense'), true)).toBe('mine');
  });
  it('puts overdue first, then due, then upcoming, each by date', () => {
    const item = (personName: string, state: DueMeasure['state'], dueOn: string): DueMeasure => ({
      personId: '00000000-0000-4000-8000-000000000001',
      personName,
      referralId: '00000000-0000-4000-8000-000000000002',
      referralReference: 'R-1',
      measureKey: 'swemwbs',
      measureName: 'SWEMWBS',
      timepoint: 'baseline',
      timepointLabel: 'Baseline',
      dueOn,
      overdueFrom: dueOn,
      state,
      responseId: null,
    });
    const sorted = byUrgency([item('A', 'upcoming', '2026-05-01'), item('B', 'due', '2026-04-02'), item('C', 'overdue', '2026-03-09'), item('D', 'due', '2026-04-01')]);
    expect(sorted.map((d) => d.personName)).toEqual(['C', 'D', 'B', 'A']);
  });
});
