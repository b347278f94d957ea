import { sql } from 'kysely';
import type { Config } from '../../config/index.js';
import type { DataAccess, SchemeScope } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { checkNonAttendance } from './check.js';

export const ATTENDANCE_QUEUE = 'casework.attendance';

/**
 * The half of the non-attendance rule that no register can trigger: a person whose place was
 * accepted and who has not been to a single session some days later. Hourly, for every scheme;
 * each alert goes up once (raiseAlert is keyed), so the job may run as often as it likes.
 */
export function registerAttendanceJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  jobs.register(ATTENDANCE_QUEUE, async () => {
    await checkAttendance(data, jobs, config, new Date());
  });
  jobs.schedule(ATTENDANCE_QUEUE, 3600, ATTENDANCE_QUEUE);
}

async function checkScheme(scope: SchemeScope, now: Date): Promise<number> {
  const today = londonDate(now);
  const placed = await scope.db
    .selectFrom('onward_referrals as o')
    .innerJoin('directory_services as s', 's.id', 'o.service_id')
    .innerJoin('referrals as r', (join) => join.onRef('r.scheme_id', '=', 'o.scheme_id').onRef('r.id', '=', 'o.referral_id'))
    .select(['o.id', 'o.referral_id', 'o.accepted_on', 's.name'])
    .where('o.scheme_id', '=', scope.schemeId)
    .where('o.status', 'in', ['accepted', 'attending'])
    .where('o.accepted_on', 'is not', null)
    // A closed case has no caseload to alert on.
    .where('r.status', '!=', 'closed')
    // Without a register ("the provider reports non-attendance" not agreed, and no marks kept),
    // silence says nothing about whether the person goes.
    .where((eb) =>
      eb.or([
        eb('o.report_non_attendance', '=', true),
        eb.exists(eb.selectFrom('attendance as a').select('a.session_date').whereRef('a.scheme_id', '=', 'o.scheme_id').whereRef('a.onward_referral_id', '=', 'o.id')),
      ]),
    )
    .orderBy('o.id')
    .execute();
  let raised = 0;
  for (const row of placed) {
    if (row.accepted_on === null) continue;
    const subject = { onwardReferralId: row.id, referralId: row.referral_id, serviceName: row.name, acceptedOn: row.accepted_on };
    if (await checkNonAttendance(scope, subject, today, now)) raised += 1;
  }
  return raised;
}

/** Checks every scheme with a place accepted or attending; returns how many alerts went up. */
export async function checkAttendance(data: DataAccess, _jobs: JobQueue, _config: Config, now: Date): Promise<number> {
  const schemes = await data.platform(
    async (tx) => (await sql<{ scheme_id: string }>`select distinct scheme_id from linkwell_casework_schemes() order by scheme_id`.execute(tx)).rows,
  );
  let raised = 0;
  const failures: unknown[] = [];
  for (const scheme of schemes) {
    // Each scheme in its own transaction, so one scheme's trouble stops no other; the job retries.
    try {
      raised += await data.inScheme({ type: 'system', schemeId: scheme.scheme_id, label: 'Attendance check' }, {}, (scope) => checkScheme(scope, now));
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `The attendance check failed for ${failures.length} scheme(s)`);
  return raised;
}
