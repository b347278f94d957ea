import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';

/** The directory's background work: imports started from the web, and the scheduled ORUK pull. */
export function registerDirectoryJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  void jobs;
  void data;
  void config;
}
