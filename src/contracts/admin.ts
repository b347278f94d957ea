import { z } from 'zod';

/** Shapes of the scheme administration API: audit trail, organisations, outbox, API clients. */

const isoDate = z.iso.date({ error: 'Enter a real date, like 2026-11-21' });

export const auditQuery = z.strictObject({
  action: z
    .enum(['read', 'create', 'update', 'delete', 'export', 'sign-in', 'sign-in-failed', 'sign-out', 'mfa', 'password-reset', 'token-issued'])
    .optional(),
  entityType: z.string().regex(/^[a-z_]{1,40}$/).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEvent = z.object({
  id: z.string(),
  occurredAt: z.string(),
  actorType: z.enum(['user', 'client', 'system', 'anonymous']),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  reason: z.string().nullable(),
});

export const auditPage = z.object({
  items: z.array(auditEvent),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type AuditPage = z.infer<typeof auditPage>;

export const organisation = z.object({
  id: z.uuid(),
  kind: z.enum(['pcn', 'gp_practice', 'host', 'vcse', 'icb', 'local_authority', 'platform']),
  kindLabel: z.string(),
  name: z.string(),
  odsCode: z.string().nullable(),
});
export const organisationList = z.object({ items: z.array(organisation) });

export const notification = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  template: z.string(),
  /** Masked, e.g. "j•••@example.org": the full address stays in the outbox. */
  recipient: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'delivered', 'failed', 'permanent-failure']),
  adapter: z.string().nullable(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const notificationList = z.object({ items: z.array(notification) });
export type NotificationView = z.infer<typeof notification>;

export const apiClient = z.object({
  id: z.uuid(),
  name: z.string(),
  clientId: z.string(),
  organisationId: z.uuid(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export const apiClientList = z.object({ items: z.array(apiClient) });
export const createApiClientRequest = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter a name for the client' }).max(200),
  organisationId: z.uuid({ error: 'Choose an organisation' }),
  scopes: z.array(z.enum(['referrals.write', 'referrals.read', 'directory.read'])).max(10).default([]),
});
export const createApiClientResponse = apiClient.extend({
  /** Shown once, at creation; only its hash is kept. */
  clientSecret: z.string(),
});

export const schemeSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  kind: z.enum(['scheme', 'platform']),
  requireMfa: z.boolean(),
  organisationCount: z.number(),
  memberCount: z.number(),
});
export const schemeList = z.object({ items: z.array(schemeSummary) });

export const staffUser = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  mfaEnabled: z.boolean(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(z.object({ membershipId: z.uuid(), role: z.string(), organisationId: z.uuid() })),
});
export const staffUserList = z.object({ items: z.array(staffUser) });
