import { sql } from 'kysely';
import type { Config } from '../../config/index.js';
import type { DataAccess, SchemeScope } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { loadCaseworkSettings } from '../settings.js';
import { escalateVisit, type EscalationDeps } from './escalate.js';
import { openVisits } from './service.js';

export const LONE_WORKING_QUEUE = 'casework.lone-working';

/** One scheme's open visits, each under its row lock so that a check-in made meanwhile waits its turn. */
export async function escalateScheme(scope: SchemeScope, deps: EscalationDeps, now: Date): Promise<number> {
  const open = await openVisits(scope).select('v.contact_id as id').orderBy('v.expected_check_in_at').execute();
  if (open.length === 0) return 0;
  const settings = await loadCaseworkSettings(scope);
  let sent = 0;
  for (const { id } of open) {
    const visit = await scope.db
      .selectFrom('lone_working_visits')
      .selectAll()
      .where('scheme_id', '=', scope.schemeId)
      .where('contact_id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    sent += await escalateVisit(scope, deps, visit, settings, now);
  }
  return sent;
}

/** Every scheme with a visit being watched; each in its own transaction, so one scheme's trouble stops no other. */
export async function escalateLoneWorking(data: DataAccess, jobs: JobQueue, config: Config, now: Date): Promise<{ sent: number }> {
  // Only schemes with work are listed: the door answers before any tenant is set.
  const schemes = await data.platform(async (tx) => (await sql<{ scheme_id: string }>`select scheme_id from linkwell_casework_schemes() order by scheme_id`.execute(tx)).rows);
  let sent = 0;
  const failures: unknown[] = [];
  for (const scheme of schemes) {
    try {
      sent += await data.inScheme({ type: 'system', schemeId: scheme.scheme_id, label: 'Lone working' }, {}, (scope) => escalateScheme(scope, { jobs, config }, now));
    } catch (error) {
      failures.push(error);
    }
  }
  // Each level sent is recorded with its messages, so the retry sends none twice.
  if (failures.length > 0) throw new AggregateError(failures, `Lone-working escalation failed for ${failures.length} scheme(s)`);
  return { sent };
}

/** Every minute: a missed check-in is a possible emergency, so its first alert should not wait. */
export function registerLoneWorkingJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  jobs.register(LONE_WORKING_QUEUE, async () => {
    await escalateLoneWorking(data, jobs, config, new Date());
  });
  jobs.schedule(LONE_WORKING_QUEUE, 60, LONE_WORKING_QUEUE);
}
