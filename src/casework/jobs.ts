import type { Config } from '../config/index.js';
import type { DataAccess } from '../data/access.js';
import type { JobQueue } from '../jobs/queue.js';
import { registerAttendanceJobs } from './attendance/jobs.js';
import { registerLoneWorkingJobs } from './lone-working/jobs.js';
import { registerOnwardJobs } from './onward/jobs.js';
import { registerPlanJobs } from './plan/jobs.js';

/** Casework's scheduled work: lone-working escalation, response windows, attendance, goal reviews. */
export function registerCaseworkJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  registerLoneWorkingJobs(jobs, data, config);
  registerOnwardJobs(jobs, data, config);
  registerAttendanceJobs(jobs, data, config);
  registerPlanJobs(jobs, data, config);
}
