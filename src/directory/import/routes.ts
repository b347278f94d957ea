import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import type { AppContext } from '../../app-context.js';
import {
  IMPORT_BODY_LIMIT_BYTES,
  importIdParams,
  importList,
  importRun,
  importStarted,
  startImportBody,
  type ImportRunDto,
} from '../../contracts/directory-import.js';
import type { DirectoryImportsTable } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { withScope } from '../../http/request-context.js';
import { exportDirectoryCsv } from './export.js';
import { IMPORT_QUEUE, UPLOADED_SOURCE } from './jobs.js';
import type { ImportRejection } from './run.js';
import { assertPublicFeedUrl } from './web-source.js';

const tags = ['directory'];

/** Every column but the uploaded document, which is the job's input and never shown back. */
const RUN_COLUMNS = [
  'id', 'format', 'source', 'started_by_label', 'status', 'read_count', 'created_count', 'updated_count', 'unchanged_count',
  'rejected', 'warnings', 'error', 'started_at', 'finished_at',
] as const;

type RunRow = Pick<Selectable<DirectoryImportsTable>, (typeof RUN_COLUMNS)[number]>;

function present(row: RunRow): ImportRunDto {
  return {
    id: row.id,
    format: row.format,
    source: row.source,
    startedBy: row.started_by_label,
    status: row.status,
    read: row.read_count,
    created: row.created_count,
    updated: row.updated_count,
    unchanged: row.unchanged_count,
    rejected: (row.rejected as ImportRejection[]).map((r) => ({ record: r.record, reason: r.reason, ...(r.id ? { id: r.id } : {}), ...(r.file ? { file: r.file } : {}) })),
    warnings: row.warnings,
    error: row.error,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}

/** Directory API under /api: imports from the web and CSV export. */
export function registerDirectoryImportRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/directory/imports',
    {
      bodyLimit: IMPORT_BODY_LIMIT_BYTES,
      schema: {
        tags,
        summary: 'Import an ORUK feed or document into the directory (scheme managers)',
        description: 'Answers 202 at once; the import runs in the background. Follow it at GET /api/directory/imports/{id}. Re-importing the same data changes nothing.',
        body: startImportBody,
        response: { 202: importStarted },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const id = randomUUID();
      await withScope(ctx, request, async (scope) => {
        scope.authorize('directory_import', 'import');
        if ('url' in body) assertPublicFeedUrl(body.url);
        const source = 'url' in body ? body.url : UPLOADED_SOURCE;
        // An uploaded document waits in the row, not on this instance's disk: whichever instance picks up the job reads it there.
        const document = 'url' in body ? null : JSON.stringify(body.document);
        const label = scope.actor.type === 'user' ? scope.actor.label : 'web import';
        await scope.db.insertInto('directory_imports').values({ id, format: 'oruk', source, document, status: 'running', started_by_label: label }).execute();
        const userId = scope.actor.type === 'user' ? scope.actor.userId : null;
        await ctx.jobs.enqueue(scope.db, IMPORT_QUEUE, { importId: id, userId }, { maxAttempts: 2 });
        await scope.audit({ action: 'create', entityType: 'directory_import', entityId: id, detail: { format: 'oruk', source: 'url' in body ? 'url' : 'document' } });
      });
      return reply.code(202).send({ id });
    },
  );

  r.get(
    '/directory/imports',
    { schema: { tags, summary: 'The latest 20 directory imports, newest first', response: { 200: importList } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('directory_import', 'list');
        const rows = await scope.db.selectFrom('directory_imports').select(RUN_COLUMNS).orderBy('started_at', 'desc').orderBy('id').limit(20).execute();
        return { items: rows.map(present) };
      }),
  );

  r.get(
    '/directory/imports/:id',
    { schema: { tags, summary: 'One directory import: progress, counts and the records refused', params: importIdParams, response: { 200: importRun } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('directory_import', 'read');
        const row = await scope.db.selectFrom('directory_imports').select(RUN_COLUMNS).where('id', '=', request.params.id).executeTakeFirst();
        if (!row) throw notFound('The import');
        return present(row);
      }),
  );

  r.get(
    '/directory/export.csv',
    {
      schema: {
        tags,
        summary: 'Download the whole directory as CSV, one row per service (every status)',
        description: 'Answers text/csv. Cells a spreadsheet would run as a formula are prefixed with an apostrophe.',
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const { csv } = await withScope(ctx, request, async (scope) => {
        scope.authorize('directory_service', 'export');
        const exported = await exportDirectoryCsv(scope.db);
        await scope.audit({ action: 'export', entityType: 'directory_service', detail: { count: exported.count } });
        return exported;
      });
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="linkwell-directory-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
