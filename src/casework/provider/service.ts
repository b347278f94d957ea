import { publicUrl } from '../../config/index.js';
import { ONWARD_STATUS_LABELS, type OnwardStatus } from '../../contracts/casework-codes.js';
import type { OnwardEventInput, ProviderReferral } from '../../contracts/onward.js';
import type { z } from 'zod';
import type { providerInbox, providerInboxQuery } from '../../contracts/onward.js';
import type { SchemeScope } from '../../data/access.js';
import type { OnwardReferralRow } from '../../db/schema-casework.js';
import { callerDirectoryOrganization, listingTarget } from '../../directory/access.js';
import { queueNotification } from '../../notifications/outbox.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { isoDayNumber } from '../domain/dates.js';
import { changeOnwardStatus, toMachineEvent } from '../onward/change-status.js';
import type { OnwardDeps } from '../onward/create.js';
import { loadOnwardRow, serviceFacts } from '../onward/present.js';
import { loadCaseworkSettings } from '../settings.js';
import { presentProviderReferral, providerPersonName } from './view.js';

/** The VCSE provider's inbox, its view of one referral, and its replies. */

type InboxGroup = 'new' | 'current' | 'ended';
type Inbox = z.infer<typeof providerInbox>;

export function inboxGroup(status: OnwardStatus): InboxGroup {
  switch (status) {
    case 'sent':
      return 'new';
    case 'accepted':
    case 'waitlisted':
    case 'attending':
      return 'current';
    case 'declined':
    case 'completed':
    case 'dropped_out':
    case 'expired':
    case 'withdrawn':
      return 'ended';
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export async function providerInboxFor(scope: SchemeScope, query: z.infer<typeof providerInboxQuery>, now: Date = new Date()): Promise<Inbox> {
  scope.authorize('onward_referral', 'list');
  const counts: Record<InboxGroup, number> = { new: 0, current: 0, ended: 0 };
  const directoryOrganizationId = await callerDirectoryOrganization(scope);
  // An organisation that stands for no directory organisation runs no services: nothing is theirs.
  if (directoryOrganizationId === null) return { items: [], counts };
  scope.authorize('onward_referral', 'list', await listingTarget(scope, directoryOrganizationId));
  let select = scope.db
    .selectFrom('onward_referrals')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('directory_organization_id', '=', directoryOrganizationId);
  if (query.serviceId !== undefined) select = select.where('service_id', '=', query.serviceId);
  const rows = await select.orderBy('created_at', 'desc').execute();
  const settings = await loadCaseworkSettings(scope);
  const today = isoDayNumber(londonDate(now));
  const names = new Map<string, string>();
  const items: Inbox['items'] = [];
  const namedIds: string[] = [];
  for (const row of rows) {
    const group = inboxGroup(row.status);
    counts[group] += 1;
    if (query.status !== undefined && group !== query.status) continue;
    if (!names.has(row.service_id)) names.set(row.service_id, (await serviceFacts(scope, row.service_id, row.directory_organization_id)).name);
    const personName = providerPersonName(row, settings, now);
    if (personName !== null) namedIds.push(row.id);
    items.push({
      id: row.id,
      reference: row.reference,
      serviceName: names.get(row.service_id) ?? '',
      status: row.status,
      personName,
      sentAt: new Date(row.created_at).toISOString(),
      respondBy: row.respond_by,
      overdue: row.status === 'sent' && today > isoDayNumber(row.respond_by),
    });
  }
  if (namedIds.length > 0) {
    await scope.audit({ action: 'read', entityType: 'onward_referral', detail: { providerInbox: true, named: namedIds.length, onwardReferralIds: namedIds } });
  }
  return { items, counts };
}

/** An onward referral of the caller's own organisation; anyone else's reads as not found. */
async function ownRow(scope: SchemeScope, id: string, action: 'read' | 'update'): Promise<OnwardReferralRow> {
  scope.authorize('onward_referral', action);
  const row = await loadOnwardRow(scope, id, { lock: action === 'update' });
  scope.authorize('onward_referral', action, await listingTarget(scope, row.directory_organization_id));
  return row;
}

async function audited(scope: SchemeScope, view: ProviderReferral): Promise<ProviderReferral> {
  if (view.shared !== null) await scope.audit({ action: 'read', entityType: 'onward_referral', entityId: view.id, detail: { provider: true, fields: Object.keys(view.shared) } });
  return view;
}

export async function getProviderReferral(scope: SchemeScope, id: string, now: Date = new Date()): Promise<ProviderReferral> {
  const row = await ownRow(scope, id, 'read');
  return audited(scope, await presentProviderReferral(scope, row, await loadCaseworkSettings(scope), now));
}

/** A reply or change by the provider; the link worker is told by email, by reference only. */
export async function providerOnwardEvent(scope: SchemeScope, deps: OnwardDeps, id: string, input: OnwardEventInput, expectedVersion: number, now: Date = new Date()): Promise<ProviderReferral> {
  const row = await ownRow(scope, id, 'update');
  const service = await serviceFacts(scope, row.service_id, row.directory_organization_id);
  const updated = await changeOnwardStatus(scope, {
    row,
    event: toMachineEvent(input.event),
    replyNote: 'note' in input.event ? input.event.note : undefined,
    actor: 'provider',
    expectedVersion,
    serviceName: service.name,
    now,
  });
  const worker = await scope.db
    .selectFrom('referrals')
    .innerJoin('users', 'users.id', 'referrals.link_worker_id')
    .select(['users.email', 'users.status', 'referrals.reference'])
    .where('referrals.scheme_id', '=', scope.schemeId)
    .where('referrals.id', '=', row.referral_id)
    .executeTakeFirst();
  if (worker && worker.status === 'active') {
    await queueNotification(scope, deps.jobs, {
      channel: 'email',
      template: 'onward-referral-reply',
      recipient: worker.email,
      subject: `${service.name} replied to referral ${row.reference}`,
      body: [
        `${service.name} changed referral ${row.reference} (case ${worker.reference}) to "${ONWARD_STATUS_LABELS[updated.status]}".`,
        '',
        `See it at ${publicUrl(deps.config)}/cases/${row.referral_id}`,
      ].join('\n'),
      entityType: 'onward_referral',
      entityId: row.id,
    });
  }
  return audited(scope, await presentProviderReferral(scope, updated, await loadCaseworkSettings(scope), now));
}
