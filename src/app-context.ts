import type { Config } from './config/index.js';
import type { DataAccess } from './data/access.js';
import type { JobQueue } from './jobs/queue.js';

/** What every module is given at start-up: nothing else is shared between requests. */
export interface AppContext {
  config: Config;
  data: DataAccess;
  jobs: JobQueue;
}
