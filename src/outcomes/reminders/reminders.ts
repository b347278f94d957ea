import { sql } from 'kysely';
import { publicUrl, type Config } from '../../config/index.js';
import type { DataAccess, SchemeScope } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { schemeMeasures } from '../catalogue.js';
import { canSendBy } from '../links/links.js';
import { sendMeasureLink, type LinkDeps } from '../links/send-link.js';
import { openOrRecentlyClosed, scheduleReferralQuery, schedulesOf, stillAsked, type ReferralSchedule, type ScheduleReferralRow } from './due.js';

/**
 * Reminders when a measure falls due and again when it becomes overdue. Each goes once: the
 * measure_reminders row (one per referral, measure, point, recipient and stage) is the record
 * that it went. The link worker gets an email naming the referral, never the person; a person
 * who agreed to reminders gets, at the due stage, a one-time link to answer it themselves.
 */

type Stage = 'due' | 'overdue';
type Item = ReferralSchedule['items'][number];

const longDate = (isoDate: string): string =>
  new Date(`${isoDate}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** Whether this reminder has gone already (the row is the record of it). */
async function alreadySent(scope: SchemeScope, referralId: string, item: Item, recipient: 'worker' | 'person', stage: Stage): Promise<boolean> {
  const row = await scope.db
    .selectFrom('measure_reminders')
    .select('sent_at')
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .where('measure_key', '=', item.measureKey)
    .where('timepoint', '=', item.timepoint)
    .where('recipient', '=', recipient)
    .where('stage', '=', stage)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records the reminder. Another run that got there first (the job runs at least once, so it
 * may overlap itself) makes this one give way: its whole transaction rolls back, nothing is
 * sent twice, and the next run starts afresh.
 */
async function recordSent(scope: SchemeScope, referralId: string, item: Item, recipient: 'worker' | 'person', stage: Stage, notificationId: string | null, now: Date): Promise<void> {
  const inserted = await scope.db
    .insertInto('measure_reminders')
    .values({ scheme_id: scope.schemeId, referral_id: referralId, measure_key: item.measureKey, timepoint: item.timepoint, recipient, stage, notification_id: notificationId, sent_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('referral_id')
    .executeTakeFirst();
  if (!inserted) throw new Error('A reminder run overlapped another; this one gives way');
}

async function remindWorker(scope: SchemeScope, deps: LinkDeps, referral: ScheduleReferralRow, item: Item, stage: Stage, now: Date): Promise<number> {
  if (!referral.link_worker_id || (await alreadySent(scope, referral.id, item, 'worker', stage))) return 0;
  const worker = await scope.db.selectFrom('users').select(['email', 'status']).where('id', '=', referral.link_worker_id).executeTakeFirst();
  if (!worker || worker.status !== 'active') return 0;
  const what = `${item.measureName} (${item.timepointLabel.toLowerCase()})`;
  const when = stage === 'due' ? `is due from ${longDate(item.dueOn)}` : `is overdue: it was due on ${longDate(item.dueOn)}`;
  const notificationId = await queueNotification(scope, deps.jobs, {
    channel: 'email',
    template: `measure-reminder-${stage}`,
    recipient: worker.email,
    subject: stage === 'due' ? `A wellbeing measure is due: referral ${referral.reference}` : `A wellbeing measure is overdue: referral ${referral.reference}`,
    body: [
      `Referral ${referral.reference}`,
      '',
      `The ${what} ${when}.`,
      '',
      `Record it with the person, or send them a link to answer it themselves: ${publicUrl(deps.config)}/people/${referral.person_id}/outcomes`,
    ].join('\n'),
    entityType: 'referral',
    entityId: referral.id,
  });
  await recordSent(scope, referral.id, item, 'worker', stage, notificationId, now);
  return 1;
}

async function hasOpenLink(scope: SchemeScope, personId: string, item: Item, now: Date): Promise<boolean> {
  const row = await scope.db
    .selectFrom('measure_links as l')
    .innerJoin('measure_responses as r', (j) => j.onRef('r.scheme_id', '=', 'l.scheme_id').onRef('r.id', '=', 'l.response_id'))
    .select('l.id')
    .where('l.scheme_id', '=', scope.schemeId)
    .where('l.person_id', '=', personId)
    .where('r.measure_key', '=', item.measureKey)
    .where('r.timepoint', '=', item.timepoint)
    .where('r.status', '=', 'in-progress')
    .where('l.submitted_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .where('l.expires_at', '>', now)
    .executeTakeFirst();
  return row !== undefined;
}

/** At the due stage only, a link for a person who agreed to be reminded, by the channel they chose. */
async function remindPerson(scope: SchemeScope, deps: LinkDeps, referral: ScheduleReferralRow, item: Item, selfCompletable: ReadonlySet<string>, now: Date): Promise<number> {
  if (!selfCompletable.has(item.measureKey)) return 0;
  const preference = await scope.db
    .selectFrom('outcome_preferences')
    .select('reminders')
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', referral.person_id)
    .executeTakeFirst();
  const channel = preference?.reminders ?? 'none';
  if (channel === 'none' || (await alreadySent(scope, referral.id, item, 'person', 'due'))) return 0;
  const person = await scope.db.selectFrom('people').select(['email', 'phone']).where('scheme_id', '=', scope.schemeId).where('id', '=', referral.person_id).executeTakeFirstOrThrow();
  // A link already waiting with the person (the link worker sent one) is not replaced.
  if (!canSendBy(person)[channel] || (await hasOpenLink(scope, referral.person_id, item, now))) {
    await recordSent(scope, referral.id, item, 'person', 'due', null, now);
    return 0;
  }
  const link = await sendMeasureLink(scope, deps, { personId: referral.person_id, referralId: referral.id, measureKey: item.measureKey, timepoint: item.timepoint, channel, now });
  const notification = await scope.db.selectFrom('measure_links').select('notification_id').where('scheme_id', '=', scope.schemeId).where('id', '=', link.id).executeTakeFirst();
  await recordSent(scope, referral.id, item, 'person', 'due', notification?.notification_id ?? null, now);
  return 1;
}

/** One scheme's reminders, in one transaction. */
export async function remindScheme(scope: SchemeScope, deps: LinkDeps, now: Date): Promise<number> {
  const referrals = await openOrRecentlyClosed(now)(scheduleReferralQuery(scope)).execute();
  if (referrals.length === 0) return 0;
  const measures = await schemeMeasures(scope);
  const selfCompletable = new Set(measures.filter((m) => m.enabled && m.definition.selfCompletion).map((m) => m.definition.key));
  let sent = 0;
  for (const { referral, items } of await schedulesOf(scope, referrals, now)) {
    for (const item of items) {
      // Not once consent is withdrawn; a closed case only for its closure measure, and not even
      // that when the person died, withdrew consent or moved away.
      if (!stillAsked(referral, item.timepoint, now)) continue;
      if (item.state !== 'due' && item.state !== 'overdue') continue;
      sent += await remindWorker(scope, deps, referral, item, item.state, now);
      if (item.state === 'due') sent += await remindPerson(scope, deps, referral, item, selfCompletable, now);
    }
  }
  return sent;
}

/** Every scheme's reminders; each scheme in its own transaction, so one scheme's trouble stops no other. */
export async function sendDueReminders(data: DataAccess, jobs: JobQueue, config: Config, now: Date): Promise<{ sent: number }> {
  // Schemes are under row-level security like everything else: the directory door lists them.
  const schemes = await data.platform(async (tx) => (await sql<{ id: string }>`select id from linkwell_scheme_directory() where kind = 'scheme' order by id`.execute(tx)).rows);
  let sent = 0;
  const failures: unknown[] = [];
  for (const scheme of schemes) {
    try {
      sent += await data.inScheme({ type: 'system', schemeId: scheme.id, label: 'Outcome reminders' }, {}, (scope) => remindScheme(scope, { jobs, config }, now));
    } catch (error) {
      failures.push(error);
    }
  }
  // The job retries when a scheme failed; the reminders that went are recorded, so none repeats.
  if (failures.length > 0) throw new AggregateError(failures, `Outcome reminders failed for ${failures.length} scheme(s)`);
  return { sent };
}
