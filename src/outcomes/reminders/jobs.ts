import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { sendDueReminders } from './reminders.js';

export const REMINDERS_QUEUE = 'outcomes.reminders';

/**
 * The recurring job that sends due and overdue reminders: hourly, so a measure that falls due
 * today is flagged the same morning; each reminder is recorded, so running again sends nothing twice.
 */
export function registerOutcomeJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  jobs.register(REMINDERS_QUEUE, async () => {
    await sendDueReminders(data, jobs, config, new Date());
  });
  jobs.schedule(REMINDERS_QUEUE, 3600, REMINDERS_QUEUE);
}
