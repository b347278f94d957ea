import { sql } from 'kysely';
import { publicUrl, type Config } from '../../config/index.js';
import type { DataAccess, SchemeScope } from '../../data/access.js';
import type { OnwardReferralRow } from '../../db/schema-casework.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { raiseAlert } from '../alerts/raise.js';
import { dayMonth } from '../domain/dates.js';
import { windowAction, type WindowReminder } from '../domain/response-window.js';
import { loadCaseworkSettings } from '../settings.js';
import { changeOnwardStatus } from './change-status.js';

/**
 * The provider's response window, run hourly: a nudge halfway and on the last day, each sent
 * once (casework_reminders is the record), and once the last day is over the referral expires
 * and goes back to the link worker as an alert. The emails carry the reference, never a name.
 */

export const NUDGE_KIND = 'onward-nudge';
const isReminder = (key: string): key is WindowReminder => key === 'halfway' || key === 'last-day';

async function providerEmail(scope: SchemeScope, row: OnwardReferralRow): Promise<{ name: string; email: string | null }> {
  const service = await scope.db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select(['s.name', 's.named_contact_email', 'o.email'])
    .where('s.id', '=', row.service_id)
    .executeTakeFirst();
  return { name: service?.name ?? 'The service', email: service?.named_contact_email ?? service?.email ?? null };
}

async function nudge(scope: SchemeScope, deps: { jobs: JobQueue; config: Config }, row: OnwardReferralRow, key: WindowReminder, now: Date): Promise<void> {
  const service = await providerEmail(scope, row);
  const notificationId =
    service.email === null
      ? null
      : await queueNotification(scope, deps.jobs, {
          channel: 'email',
          template: `onward-nudge-${key}`,
          recipient: service.email,
          subject: key === 'halfway' ? `Referral ${row.reference} is waiting for your reply` : `Last day to reply to referral ${row.reference}`,
          body: [
            key === 'halfway'
              ? `Referral ${row.reference} to ${service.name} is waiting for your reply, by the end of ${dayMonth(row.respond_by, true)}.`
              : `Today is the last day to reply to referral ${row.reference} to ${service.name}. After today it goes back to the link worker.`,
            '',
            `Sign in to accept, decline or put it on your waiting list: ${publicUrl(deps.config)}/provider/referrals/${row.id}`,
          ].join('\n'),
          entityType: 'onward_referral',
          entityId: row.id,
        });
  const inserted = await scope.db
    .insertInto('casework_reminders')
    .values({ scheme_id: scope.schemeId, kind: NUDGE_KIND, subject_id: row.id, key, notification_id: notificationId, sent_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  // Another run got there first (jobs run at least once): this one rolls back and sends nothing.
  if (!inserted) throw new Error('An onward window run overlapped another; this one gives way');
}

async function expire(scope: SchemeScope, row: OnwardReferralRow, workingDays: number, now: Date): Promise<void> {
  const service = await providerEmail(scope, row);
  const expired = await changeOnwardStatus(scope, { row, event: { type: 'expire' }, actor: 'system', expectedVersion: null, serviceName: service.name, now });
  await raiseAlert(
    scope,
    {
      referralId: expired.referral_id,
      kind: 'onward_expired',
      key: `expired:${expired.id}`,
      message: `No reply from ${service.name} in ${workingDays} working days (${expired.reference}).`,
      onwardReferralId: expired.id,
      followUp: { title: `Chase ${service.name} or find another service: ${expired.reference} was not answered`, withinWorkingDays: 2 },
    },
    now,
  );
}

/** One scheme's windows; returns how many nudges and expiries it made. */
export async function runSchemeWindows(scope: SchemeScope, deps: { jobs: JobQueue; config: Config }, now: Date): Promise<{ nudged: number; expired: number }> {
  // A closed case waits for no reply: nobody would act on the nudge or the expiry alert.
  const rows = await scope.db
    .selectFrom('onward_referrals as o')
    .innerJoin('referrals as r', (join) => join.onRef('r.scheme_id', '=', 'o.scheme_id').onRef('r.id', '=', 'o.referral_id'))
    .selectAll('o')
    .where('o.scheme_id', '=', scope.schemeId)
    .where('o.status', '=', 'sent')
    .where('r.status', '!=', 'closed')
    .orderBy('o.id')
    .forUpdate('o')
    .execute();
  const today = londonDate(now);
  let nudged = 0;
  let expired = 0;
  for (const row of rows) {
    const sent = await scope.db
      .selectFrom('casework_reminders')
      .select('key')
      .where('scheme_id', '=', scope.schemeId)
      .where('kind', '=', NUDGE_KIND)
      .where('subject_id', '=', row.id)
      .execute();
    const action = windowAction({ status: row.status, today, respondBy: row.respond_by, reminderOn: row.remind_on, remindersSent: sent.map((s) => s.key).filter(isReminder) });
    if (action === null) continue;
    switch (action) {
      case 'halfway':
      case 'last-day':
        await nudge(scope, deps, row, action, now);
        nudged += 1;
        break;
      case 'expire':
        await expire(scope, row, (await loadCaseworkSettings(scope)).responseWindowWorkingDays, now);
        expired += 1;
        break;
      default: {
        const unreachable: never = action;
        return unreachable;
      }
    }
  }
  return { nudged, expired };
}

/** Every scheme with referrals waiting; each in its own transaction, so one scheme's trouble stops no other. */
export async function runOnwardWindows(data: DataAccess, jobs: JobQueue, config: Config, now: Date): Promise<{ nudged: number; expired: number }> {
  const schemes = await data.platform(async (tx) => (await sql<{ scheme_id: string }>`select distinct scheme_id from linkwell_casework_schemes() order by scheme_id`.execute(tx)).rows);
  const total = { nudged: 0, expired: 0 };
  const failures: unknown[] = [];
  for (const { scheme_id: schemeId } of schemes) {
    try {
      const done = await data.inScheme({ type: 'system', schemeId, label: 'Response windows' }, {}, (scope) => runSchemeWindows(scope, { jobs, config }, now));
      total.nudged += done.nudged;
      total.expired += done.expired;
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `Onward response windows failed for ${failures.length} scheme(s)`);
  return total;
}
