import { sql } from 'kysely';
import type { DueMeasure } from '../../contracts/outcomes.js';
import type { SchemeScope } from '../../data/access.js';
import type { ReferralStatus } from '../../contracts/referral-codes.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { loadOutcomeSettings, schemeMeasures } from '../catalogue.js';
import { consentWithdrawnOfR } from '../consent.js';
import { addDays, scheduleFor, type ScheduledMeasure } from '../schedule.js';
import { requireStaff } from '../staff-only.js';

/**
 * What is due, for one person or for a caseload. The schedule itself is the pure scheduleFor();
 * this reads the referrals, what has been completed against them, and the scheme's settings.
 */

/** Upcoming measures shown on the due list: those falling due within this many days. */
export const UPCOMING_WINDOW_DAYS = 14;
/**
 * A closed case's closure measure is chased for this long after closing; after that a
 * questionnaire would come too late to describe the end of the support.
 */
export const CLOSURE_CHASE_DAYS = 90;

/**
 * Cases closed for these reasons are not asked for a closure measure: the person has died, has
 * withdrawn their consent, or has moved out of the area and left the scheme's care.
 */
export const CLOSURES_NOT_ASKED: ReadonlySet<string> = new Set(['deceased', 'consent-withdrawn', 'moved-away']);

export interface ScheduleReferralRow {
  id: string;
  reference: string;
  person_id: string;
  person_name: string;
  link_worker_id: string | null;
  status: ReferralStatus;
  received_at: Date;
  first_contact_at: Date | null;
  closed_at: Date | null;
  closure_reason: string | null;
  /** The consent that stands for the referral (the latest recorded) has been withdrawn. */
  consent_withdrawn: boolean;
}

export interface ReferralSchedule {
  referral: ScheduleReferralRow;
  items: (ScheduledMeasure & { measureName: string; responseId: string | null })[];
}

/** Referrals with first contact made, with their person's name; the caller narrows the set. */
export function scheduleReferralQuery(scope: SchemeScope) {
  return scope.db
    .selectFrom('referrals as r')
    .innerJoin('people as p', (j) => j.onRef('p.scheme_id', '=', 'r.scheme_id').onRef('p.id', '=', 'r.person_id'))
    .select([
      'r.id',
      'r.reference',
      'r.person_id',
      sql<string>`p.given_name || ' ' || p.family_name`.as('person_name'),
      'r.link_worker_id',
      'r.status',
      'r.received_at',
      'r.first_contact_at',
      'r.closed_at',
      'r.closure_reason',
      consentWithdrawnOfR().as('consent_withdrawn'),
    ])
    .where('r.scheme_id', '=', scope.schemeId)
    .where('r.first_contact_at', 'is not', null)
    .where('p.merged_into_id', 'is', null);
}

const chaseFrom = (now: Date): Date => new Date(now.getTime() - CLOSURE_CHASE_DAYS * 86_400_000);

/** Open cases, and cases closed recently enough that their closure measure is still wanted. */
export function openOrRecentlyClosed(now: Date) {
  const from = chaseFrom(now);
  return <Q extends ReturnType<typeof scheduleReferralQuery>>(query: Q): Q =>
    query.where((eb) => eb.or([eb('r.status', 'in', ['first_contact', 'active']), eb.and([eb('r.status', '=', 'closed'), eb('r.closed_at', '>=', from)])])) as Q;
}

/**
 * Whether the person may still be asked for this measure: never once they have withdrawn
 * consent; on an open case, anything scheduled; on a case closed within the last 90 days, its
 * closure measure only, and not even that when it closed because the person died, withdrew
 * consent or moved away. The one rule for the due list, the reminders and the person's page.
 */
export function stillAsked(referral: Pick<ScheduleReferralRow, 'status' | 'closed_at' | 'closure_reason' | 'consent_withdrawn'>, timepoint: string, now: Date): boolean {
  if (referral.consent_withdrawn) return false;
  if (referral.status === 'first_contact' || referral.status === 'active') return true;
  if (referral.status !== 'closed' || referral.closed_at === null) return false;
  if (timepoint !== 'closure' || (referral.closure_reason !== null && CLOSURES_NOT_ASKED.has(referral.closure_reason))) return false;
  return new Date(referral.closed_at).getTime() >= chaseFrom(now).getTime();
}

/**
 * The schedule of each referral. A response counts for a referral when it names it, or when it
 * names none but is the same person's and came after the referral was received (a measure
 * recorded from the person's page rather than from the case).
 */
export async function schedulesOf(scope: SchemeScope, referrals: readonly ScheduleReferralRow[], now: Date): Promise<ReferralSchedule[]> {
  if (referrals.length === 0) return [];
  const settings = await loadOutcomeSettings(scope);
  const measures = await schemeMeasures(scope);
  const enabled = new Set(measures.filter((m) => m.enabled).map((m) => m.definition.key));
  const names = new Map(measures.map((m) => [m.definition.key, m.definition.name]));
  const personIds = [...new Set(referrals.map((r) => r.person_id))];
  const responses = await scope.db
    .selectFrom('measure_responses')
    .select(['id', 'person_id', 'referral_id', 'measure_key', 'timepoint', 'status', 'completed_at', 'created_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', 'in', personIds)
    .where('status', 'in', ['completed', 'in-progress'])
    .orderBy('created_at', 'desc')
    .execute();
  return referrals.map((referral) => {
    const receivedAt = new Date(referral.received_at).getTime();
    const mine = responses.filter(
      (r) => r.referral_id === referral.id || (r.referral_id === null && r.person_id === referral.person_id && new Date(r.completed_at ?? r.created_at).getTime() >= receivedAt),
    );
    const completed = mine.filter((r) => r.status === 'completed');
    const scheduled = scheduleFor({
      schedule: settings.schedule,
      enabledMeasures: enabled,
      referral: { firstContactAt: referral.first_contact_at, closedAt: referral.closed_at },
      completed: completed.map((r) => ({ measureKey: r.measure_key, timepoint: r.timepoint })),
      overdueAfterDays: settings.overdueAfterDays,
      now,
    });
    const items = scheduled.map((item) => {
      const same = (r: (typeof mine)[number]) => r.measure_key === item.measureKey && r.timepoint === item.timepoint;
      // Done: the completed response. Not yet: the questionnaire waiting with the person, if any.
      const response = item.state === 'done' ? completed.find(same) : mine.find((r) => r.status === 'in-progress' && same(r));
      return { ...item, measureName: names.get(item.measureKey) ?? item.measureKey, responseId: response?.id ?? null };
    });
    return { referral, items };
  });
}

export function presentDue(referral: ScheduleReferralRow, item: ReferralSchedule['items'][number]): DueMeasure {
  return {
    personId: referral.person_id,
    personName: referral.person_name,
    referralId: referral.id,
    referralReference: referral.reference,
    measureKey: item.measureKey,
    measureName: item.measureName,
    timepoint: item.timepoint,
    timepointLabel: item.timepointLabel,
    dueOn: item.dueOn,
    overdueFrom: item.overdueFrom,
    state: item.state,
    responseId: item.responseId,
  };
}

const byDate = (a: DueMeasure, b: DueMeasure): number =>
  a.dueOn === b.dueOn ? a.personName.localeCompare(b.personName) || a.measureKey.localeCompare(b.measureKey) : a.dueOn.localeCompare(b.dueOn);

/**
 * The scheduled measures of the person's referrals that have had first contact: every one done,
 * and those still to do that the person may still be asked for (stillAsked), so a closed case's
 * missed points do not stay overdue for ever. Authorized here; the caller audits the read of
 * the page it belongs to.
 */
export async function dueForPerson(scope: SchemeScope, personId: string, now: Date): Promise<DueMeasure[]> {
  scope.authorize('measure_response', 'list');
  requireStaff(scope);
  const referrals = await scheduleReferralQuery(scope).where('r.person_id', '=', personId).execute();
  const schedules = await schedulesOf(scope, referrals, now);
  return schedules
    .flatMap((s) => s.items.filter((item) => item.state === 'done' || stillAsked(s.referral, item.timepoint, now)).map((item) => presentDue(s.referral, item)))
    .sort(byDate);
}

/**
 * The due list: measures due or overdue now, and those coming up within two weeks, on the
 * caller's caseload ('mine') or the whole scheme's ('all'), left out whatever the person may
 * no longer be asked for (stillAsked). Staff only: it names people across the scheme.
 */
export async function listDue(scope: SchemeScope, options: { now: Date; whose: 'mine' | 'all' }): Promise<DueMeasure[]> {
  scope.authorize('measure_response', 'list');
  const user = requireStaff(scope);
  const { now, whose } = options;
  let query = openOrRecentlyClosed(now)(scheduleReferralQuery(scope));
  if (whose === 'mine') query = query.where('r.link_worker_id', '=', user.userId);
  const referrals = await query.execute();
  const horizon = addDays(londonDate(now), UPCOMING_WINDOW_DAYS);
  const items = (await schedulesOf(scope, referrals, now))
    .flatMap((s) => s.items.filter((item) => stillAsked(s.referral, item.timepoint, now)).map((item) => presentDue(s.referral, item)))
    .filter((item) => item.state === 'due' || item.state === 'overdue' || (item.state === 'upcoming' && item.dueOn <= horizon))
    .sort(byDate);
  await scope.audit({ action: 'read', entityType: 'measure_response', detail: { list: 'due', whose, count: items.length, referrals: [...new Set(items.map((i) => i.referralId))] } });
  return items;
}
