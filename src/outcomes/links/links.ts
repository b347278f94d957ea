import { sql } from 'kysely';
import type { LinkState, MeasureLinkDto } from '../../contracts/outcomes.js';
import type { SchemeScope } from '../../data/access.js';
import type { MeasureLinkRow } from '../../db/schema.js';

/**
 * One-time links as staff see them: which measure, when sent, and where it stands. Never the
 * token (only its hash is stored) and never the address it went to.
 */

/** Where a link stands, read from its row. Submitted and revoked are final; expiry is by the clock. */
export function linkState(row: Pick<MeasureLinkRow, 'submitted_at' | 'revoked_at' | 'expires_at'>, now: Date): LinkState {
  if (row.submitted_at) return 'submitted';
  if (row.revoked_at) return 'revoked';
  if (new Date(row.expires_at).getTime() <= now.getTime()) return 'expired';
  return 'open';
}

/** A UK mobile number (07…, +44 7…, 0044 7…), spaces, dashes and brackets aside: texts go only there. */
export function isMobileNumber(phone: string | null | undefined): boolean {
  if (!phone) return false;
  return /^(?:\+44|0044|0)7\d{9}$/.test(phone.replace(/[\s\-()]/g, ''));
}

/** Whether a link could go to the person by each channel (never the address itself). */
export function canSendBy(person: { email: string | null; phone: string | null }): { email: boolean; sms: boolean } {
  return { email: Boolean(person.email?.trim()), sms: isMobileNumber(person.phone) };
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

export interface LinkListRow {
  id: string;
  response_id: string;
  channel: 'email' | 'sms';
  expires_at: Date;
  opened_at: Date | null;
  submitted_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  measure_key: string;
  measure_name: string | null;
  timepoint: string;
  notification_status: string | null;
}

export function presentLink(row: LinkListRow, now: Date): MeasureLinkDto {
  return {
    id: row.id,
    responseId: row.response_id,
    measureKey: row.measure_key,
    measureName: row.measure_name ?? row.measure_key,
    timepoint: row.timepoint,
    channel: row.channel,
    state: linkState(row, now),
    sentAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    openedAt: iso(row.opened_at),
    submittedAt: iso(row.submitted_at),
    revokedAt: iso(row.revoked_at),
    notificationStatus: row.notification_status,
  };
}

/** The links query, joined to the response (measure, point) and the outbox row (delivery status). */
export function linkQuery(scope: SchemeScope) {
  return scope.db
    .selectFrom('measure_links as l')
    .innerJoin('measure_responses as r', (j) => j.onRef('r.scheme_id', '=', 'l.scheme_id').onRef('r.id', '=', 'l.response_id'))
    .leftJoin('notifications as n', (j) => j.onRef('n.scheme_id', '=', 'l.scheme_id').onRef('n.id', '=', 'l.notification_id'))
    .select([
      'l.id',
      'l.response_id',
      'l.channel',
      'l.expires_at',
      'l.opened_at',
      'l.submitted_at',
      'l.revoked_at',
      'l.created_at',
      'r.measure_key',
      sql<string | null>`r.definition->>'name'`.as('measure_name'),
      'r.timepoint',
      'n.status as notification_status',
    ])
    .where('l.scheme_id', '=', scope.schemeId);
}

export async function findLink(scope: SchemeScope, linkId: string, now: Date = new Date()): Promise<MeasureLinkDto | null> {
  const row = await linkQuery(scope).where('l.id', '=', linkId).executeTakeFirst();
  return row ? presentLink(row, now) : null;
}

/**
 * A person's links, newest first. Authorized here; the caller audits the read of the page it
 * is part of (the person's outcomes), so one look is one audit row.
 */
export async function listLinksForPerson(scope: SchemeScope, personId: string): Promise<MeasureLinkDto[]> {
  scope.authorize('measure_link', 'list');
  const now = new Date();
  const rows = await linkQuery(scope).where('l.person_id', '=', personId).orderBy('l.created_at', 'desc').orderBy('l.id').execute();
  return rows.map((row) => presentLink(row, now));
}
