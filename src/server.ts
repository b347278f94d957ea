import { join } from 'node:path';
import pino from 'pino';
import type { AppContext } from './app-context.js';
import { publicUrl, type Config } from './config/index.js';
import { DataAccess } from './data/access.js';
import { openDatabase, type Database } from './db/connect.js';
import { buildApp, LOG_REDACT_PATHS, type App } from './http/app.js';
import { JobQueue } from './jobs/queue.js';
import { createNotificationAdapter } from './notifications/adapters.js';
import { registerMaintenanceJobs, registerNotificationJobs } from './notifications/jobs.js';
import { registerDirectoryJobs } from './directory/import/jobs.js';
import { registerOutcomeJobs } from './outcomes/reminders/jobs.js';
import { registerCaseworkJobs } from './casework/jobs.js';
import { formatDemoSignIns, isEmpty, seedDemo } from './seed/demo.js';

export interface Running {
  app: App;
  ctx: AppContext;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

export function createLogger(config: Config) {
  return pino({ level: config.LOG_LEVEL, redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } });
}

export async function openData(config: Config): Promise<{ database: Database; data: DataAccess }> {
  const database = await openDatabase({
    url: config.DATABASE_URL,
    dataDir: join(config.DATA_DIR, 'pglite'),
    poolSize: config.DATABASE_POOL_SIZE,
  });
  return { database, data: new DataAccess(database) };
}

/**
 * Start-up: open the database, apply migrations, seed the demo when the database is empty,
 * start the job worker and listen. Each step's failure stops the start with a plain message.
 */
export async function startServer(config: Config): Promise<Running> {
  const logger = createLogger(config);
  const { database, data } = await openData(config);
  const report = await database.migrate();
  if (report.applied.length > 0) logger.info({ applied: report.applied }, 'migrations applied');

  // The queue's default worker id adds a random part: two containers may share a hostname and pid 1.
  const jobs = new JobQueue(database.db, { pollMs: config.JOBS_POLL_MS, logger });
  const ctx: AppContext = { config, data, jobs };

  if (config.SEED_DEMO && (await isEmpty(data))) {
    const credentials = await seedDemo(data, jobs, { dataDir: config.DATA_DIR, publicUrl: publicUrl(config) });
    const path = join(config.DATA_DIR, 'demo-credentials.json');
    console.log(`\n${formatDemoSignIns(credentials, path)}\nAlso written to ${path}\n`);
  }

  registerNotificationJobs(jobs, data, createNotificationAdapter(config, logger));
  registerMaintenanceJobs(jobs, data);
  registerDirectoryJobs(jobs, data, config);
  registerOutcomeJobs(jobs, data, config);
  registerCaseworkJobs(jobs, data, config);
  if (config.JOBS_ENABLED) jobs.start();

  const app = await buildApp(ctx);
  await app.listen({ port: config.PORT, host: config.HOST });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = `http://${config.HOST}:${port}`;
  console.log(`Linkwell is running at ${url} (database: ${database.backend})`);

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    })();
    return stopping;
  };
  return { app, ctx, database, url, stop };
}
