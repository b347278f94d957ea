import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { runOnwardWindows } from './windows.js';

export { runOnwardWindows } from './windows.js';

export const ONWARD_WINDOWS_QUEUE = 'casework.onward-windows';

/** Hourly: a nudge or an expiry is due on a date, and each is recorded, so running more often than daily repeats nothing. */
export function registerOnwardJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  jobs.register(ONWARD_WINDOWS_QUEUE, async () => {
    await runOnwardWindows(data, jobs, config, new Date());
  });
  jobs.schedule(ONWARD_WINDOWS_QUEUE, 3600, ONWARD_WINDOWS_QUEUE);
}
