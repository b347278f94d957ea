import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { auditPage, auditQuery, type AuditQuery } from '../contracts/admin.js';
import type { SchemeScope } from '../data/access.js';
import type { AuditEventRow } from '../db/schema.js';
import { withScope } from '../http/request-context.js';
import { csvRow } from './csv.js';

const EXPORT_LIMIT = 100_000;

function filtered(scope: SchemeScope, q: AuditQuery) {
  let query = scope.db.selectFrom('audit_events').where('scheme_id', '=', scope.schemeId);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actorId) query = query.where('actor_id', '=', q.actorId);
  if (q.from) query = query.where('occurred_at', '>=', new Date(`${q.from}T00:00:00Z`));
  // "to" is inclusive of the whole day.
  if (q.to) query = query.where('occurred_at', '<', new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000));
  return query;
}

const present = (e: AuditEventRow) => ({
  id: String(e.id),
  occurredAt: e.occurred_at.toISOString(),
  actorType: e.actor_type,
  actorId: e.actor_id,
  actorLabel: e.actor_label,
  actorRole: e.actor_role,
  action: e.action,
  entityType: e.entity_type,
  entityId: e.entity_id,
  ip: e.ip,
  requestId: e.request_id,
  reason: e.reason,
});

function describeFilters(q: AuditQuery): Record<string, unknown> {
  const { page: _page, pageSize: _size, ...filters } = q;
  return filters;
}

export function registerAuditRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit-events',
    { schema: { tags: ['audit'], summary: 'Search the audit trail of your scheme, newest first', querystring: auditQuery, response: { 200: auditPage } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('audit_event', 'list');
        const q = request.query;
        const total = await filtered(scope, q).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        const rows = await filtered(scope, q)
          .selectAll()
          .orderBy('occurred_at', 'desc')
          .orderBy('id', 'desc')
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize)
          .execute();
        // Reading the trail is itself recorded: it names people and what they looked at.
        await scope.audit({ action: 'read', entityType: 'audit_event', detail: { filters: describeFilters(q), count: rows.length } });
        return { items: rows.map(present), page: q.page, pageSize: q.pageSize, total: Number(total.n) };
      }),
  );

  r.get(
    '/audit-events/export',
    {
      schema: {
        tags: ['audit'],
        summary: 'Download the audit trail as CSV (same filters as the search)',
        description: 'Answers text/csv with one row per event, newest first, up to 100,000 rows.',
        querystring: auditQuery,
        produces: ['text/csv'],
      },
    },
    async (request, reply) => {
      const csv = await withScope(ctx, request, async (scope) => {
        scope.authorize('audit_event', 'export');
        const rows = await filtered(scope, request.query).selectAll().orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(EXPORT_LIMIT).execute();
        await scope.audit({ action: 'export', entityType: 'audit_event', detail: { filters: describeFilters(request.query), count: rows.length } });
        const header = csvRow(['id', 'occurred_at', 'actor_type', 'actor_id', 'actor_label', 'actor_role', 'action', 'entity_type', 'entity_id', 'ip', 'request_id', 'reason']);
        return (
          header +
          rows
            .map((e) => {
              const p = present(e);
              return csvRow([p.id, p.occurredAt, p.actorType, p.actorId, p.actorLabel, p.actorRole, p.action, p.entityType, p.entityId, p.ip, p.requestId, p.reason]);
            })
            .join('')
        );
      });
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="linkwell-audit-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );
}
