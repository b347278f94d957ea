import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';

/** Placeholder until this part of casework lands. */
export function registerLoneWorkingJobs(_jobs: JobQueue, _data: DataAccess, _config: Config): void {
}
