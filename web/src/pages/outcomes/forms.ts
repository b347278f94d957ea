import type {
  DueMeasure,
  MeasureDefinition,
  MeasureResponseDto,
  OutcomeSettings,
  SchemeMeasure,
} from '../../../../src/contracts/outcomes.js';
import type { ReferralStatus } from '../../../../src/contracts/referral-codes.js';
import { partsToIso, type DateParts } from '../../components/dateParts.js';
import { decimalsFor, formatScore, timepointChoices } from './labels.js';
import { answerOf } from './form/answers.js';

/**
 * The choices and checks behind the outcomes forms, as pure functions: which measures each form
 * offers, which timepoint to suggest, which referral a response belongs to, the date a paper
 * form was filled in, and a response's score in words.
 */

/** A link goes only for measures the scheme offers and a person may complete alone. */
export function linkMeasures(measures: readonly SchemeMeasure[]): MeasureDefinition[] {
  return measures.filter((m) => m.enabled && m.definition.selfCompletion).map((m) => m.definition);
}

/** A link worker records any measure the scheme offers, including licensed tools' entered scores. */
export function recordableMeasures(measures: readonly SchemeMeasure[]): MeasureDefinition[] {
  return measures.filter((m) => m.enabled).map((m) => m.definition);
}

/** The timepoints offered for a measure: its schedule's points, then "Other". */
export function timepointsFor(schedule: OutcomeSettings['schedule'] | null, measureKey: string): { value: string; label: string }[] {
  const entry = schedule?.find((e) => e.measureKey === measureKey);
  return timepointChoices(entry?.points ?? []);
}

const DUE_ORDER = { overdue: 0, due: 1, upcoming: 2, done: 3 } as const;

/** The timepoint the person most likely needs now: the most pressing one due for this measure. */
export function suggestedTimepoint(due: readonly DueMeasure[], measureKey: string, choices: readonly { value: string }[]): string {
  const offered = new Set(choices.map((c) => c.value));
  const pressing = due
    .filter((d) => d.measureKey === measureKey && d.state !== 'done' && offered.has(d.timepoint))
    .sort((a, b) => DUE_ORDER[a.state] - DUE_ORDER[b.state] || a.dueOn.localeCompare(b.dueOn))[0];
  return pressing?.timepoint ?? choices[0]?.value ?? 'other';
}

/** Referrals that never became a case (declined, not eligible, sent elsewhere) have no measures. */
const NO_CASE: readonly ReferralStatus[] = ['declined', 'not_eligible', 'redirected'];

export interface ReferralChoice {
  id: string;
  reference: string;
}

export function caseReferrals(referrals: readonly { id: string; reference: string; status: string }[]): ReferralChoice[] {
  return referrals.filter((r) => !(NO_CASE as readonly string[]).includes(r.status)).map(({ id, reference }) => ({ id, reference }));
}

/**
 * The referral an answer or a link belongs to: the one chosen when the form asks (the person has
 * more than one case), else their only one, or none.
 */
export function chosenReferral(referrals: readonly ReferralChoice[], chosen: string): string | null {
  return referrals.length > 1 ? chosen : (referrals[0]?.id ?? null);
}

export type RecordMode = 'with-worker' | 'paper' | 'external';

/** How a measure can be recorded: licensed tools' scores may also come from elsewhere. */
export function modesFor(definition: MeasureDefinition): RecordMode[] {
  return definition.origin === 'licensed' ? ['with-worker', 'paper', 'external'] : ['with-worker', 'paper'];
}

/** The date a paper form was filled in (or an outside score obtained), or the message to show. */
export function checkCompletedOn(parts: DateParts, today: string): { ok: true; iso: string } | { ok: false; message: string } {
  const result = partsToIso(parts);
  if (!result.ok) {
    if (result.problem === 'empty') return { ok: false, message: 'Enter the date the measure was completed' };
    if (result.problem === 'incomplete') return { ok: false, message: 'The date the measure was completed must include a day, month and year' };
    return { ok: false, message: 'The date the measure was completed must be a real date' };
  }
  if (result.iso > today) return { ok: false, message: 'The date the measure was completed must be today or in the past' };
  return result;
}

/**
 * The instant to send for the date a paper form was filled in, or undefined to let the server
 * use the moment it is saved. A past date goes as midday UTC, the same day in London whatever
 * the season. Today goes as nothing: midday would be in the future every morning, and the
 * server refuses a completion time ahead of its clock.
 */
export function completedAtOf(isoDate: string, today: string): string | undefined {
  return isoDate === today ? undefined : `${isoDate}T12:00:00Z`;
}

/**
 * A response's score in a few words: the headline (with the raw score where it was converted,
 * and its band), or each item's value for measures without a total (ONS4, Outcomes Star).
 */
export function scoreText(response: Pick<MeasureResponseDto, 'status' | 'score' | 'answers'>, itemLabels: Readonly<Record<string, string>>): string {
  if (response.status !== 'completed') return 'Not scored';
  const score = response.score;
  if (score === null) return 'Not scored';
  if (score.headline !== null) {
    const decimals = decimalsFor([score.headline]);
    const raw = score.raw === null ? '' : ` (raw score ${score.raw})`;
    const band = score.band === null ? '' : `, ${score.band}`;
    return `${formatScore(score.headline, decimals)}${raw}${band}`;
  }
  const parts = Object.entries(score.items).map(([key, value]) => {
    const label = answerOf(response.answers.names, key) ?? answerOf(itemLabels, key) ?? key;
    const band = answerOf(score.itemBands, key);
    return `${label} ${value}${band === undefined ? '' : ` (${band})`}`;
  });
  return parts.length === 0 ? 'Not scored' : parts.join('; ');
}

export type Whose = 'mine' | 'all';

/** Whose measures the due list shows: a manager may ask for everyone's; anyone else sees their own. */
export function readWhose(params: URLSearchParams, maySeeAll: boolean): Whose {
  return maySeeAll && params.get('whose') === 'all' ? 'all' : 'mine';
}

/** The due list, most pressing first: overdue, then due, then coming up, each by date. */
export function byUrgency(items: readonly DueMeasure[]): DueMeasure[] {
  return [...items].sort((a, b) => DUE_ORDER[a.state] - DUE_ORDER[b.state] || a.dueOn.localeCompare(b.dueOn) || a.personName.localeCompare(b.personName));
}
