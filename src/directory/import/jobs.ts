import { pino } from 'pino';
import { z } from 'zod';
import type { Config } from '../../config/index.js';
import type { DataAccess } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { AppError } from '../../errors.js';
import { safeErrorText } from '../../logging/safe-error.js';
import { importOruk } from './oruk.js';
import { describeError, type Db } from './run.js';

export const IMPORT_QUEUE = 'directory.import';
export const ORUK_PULL_QUEUE = 'directory.oruk-pull';
/** The directory_imports source of an import whose document was uploaded. */
export const UPLOADED_SOURCE = 'uploaded document';

const importPayload = z.object({ importId: z.uuid(), userId: z.uuid().nullable() });

/**
 * The uploaded document of an import, read from its row. It is emptied by the caller once the
 * import is over, whichever way it ended; a run that dies half-way keeps it for the queue's retry.
 */
async function uploadedDocument(db: Db, importId: string): Promise<unknown> {
  const row = await db.selectFrom('directory_imports').select('document').where('id', '=', importId).executeTakeFirst();
  if (!row?.document) throw new AppError('bad-request', 'The uploaded document is no longer held. Upload it again.');
  return row.document;
}

async function forgetDocument(db: Db, importId: string): Promise<void> {
  await db.updateTable('directory_imports').set({ document: null }).where('id', '=', importId).execute();
}

/**
 * The directory's background work: imports started from the web, and the scheduled ORUK pull.
 * An import records its own failure in directory_imports (the page shows it), so a handler does
 * not throw it back to the queue: retrying a feed that is down would only add failed runs.
 * A job that runs twice (an instance died) imports again, which changes nothing the second time.
 */
export function registerDirectoryJobs(jobs: JobQueue, data: DataAccess, config: Config): void {
  const logger = pino({ name: 'directory-import', level: config.LOG_LEVEL });
  jobs.register(IMPORT_QUEUE, async (job) => {
    const parsed = importPayload.safeParse(job.payload);
    if (!parsed.success) throw new Error(`${IMPORT_QUEUE} job ${job.id} has no valid importId`);
    const { importId, userId } = parsed.data;
    const run = await data.db.selectFrom('directory_imports').select(['source', 'status', 'started_by_label']).where('id', '=', importId).executeTakeFirst();
    if (!run) return;
    if (run.status !== 'running') {
      // Finished or failed already (a job run twice): nothing to import, and nothing to keep.
      if (run.source === UPLOADED_SOURCE) await forgetDocument(data.db, importId);
      return;
    }
    const who = { userId, label: run.started_by_label };
    try {
      if (run.source === UPLOADED_SOURCE) {
        try {
          await importOruk(data.db, { json: await uploadedDocument(data.db, importId) }, { who, importId });
        } finally {
          await forgetDocument(data.db, importId);
        }
      } else {
        await importOruk(data.db, { url: run.source }, { who, importId });
      }
    } catch (error) {
      logger.warn({ importId, error: safeErrorText(error) }, 'directory import failed');
      await data.db
        .updateTable('directory_imports')
        .set({ status: 'failed', error: describeError(error), finished_at: new Date() })
        .where('id', '=', importId)
        .where('status', '=', 'running')
        .execute();
    }
  });

  const feed = config.ORUK_FEED_URL;
  if (feed === undefined) return;
  jobs.register(ORUK_PULL_QUEUE, async () => {
    try {
      const report = await importOruk(data.db, { url: feed }, { who: { userId: null, label: `import: oruk ${feed}` } });
      logger.info({ importId: report.importId, read: report.read, created: report.created, updated: report.updated, rejected: report.rejected.length }, 'ORUK pull finished');
    } catch (error) {
      logger.warn({ error: safeErrorText(error) }, 'ORUK pull failed');
    }
  });
  jobs.schedule(ORUK_PULL_QUEUE, config.ORUK_PULL_INTERVAL_MINUTES * 60, ORUK_PULL_QUEUE);
}
