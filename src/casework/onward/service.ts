import type { OnwardEventInput, OnwardReferral, Signpost } from '../../contracts/onward.js';
import type { SchemeScope } from '../../data/access.js';
import { loadCase, loadOpenCase } from '../case-row.js';
import type { OnwardEventType } from '../domain/onward-lifecycle.js';
import { listSignposts } from '../signposting/signposts.js';
import { changeOnwardStatus, toMachineEvent } from './change-status.js';
import { authorizeCaseworker } from './create.js';
import { loadOnwardRow, presentOnward, serviceFacts } from './present.js';

/** The link worker's reads and changes of onward referrals. */

export async function listCaseOnward(scope: SchemeScope, referralId: string): Promise<{ onwardReferrals: OnwardReferral[]; signposts: Signpost[] }> {
  authorizeCaseworker(scope);
  scope.authorize('onward_referral', 'list');
  const caseRow = await loadCase(scope, referralId);
  const rows = await scope.db
    .selectFrom('onward_referrals')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', caseRow.id)
    .orderBy('created_at', 'desc')
    .execute();
  const onwardReferrals: OnwardReferral[] = [];
  for (const row of rows) onwardReferrals.push(await presentOnward(scope, row));
  const signposts = await listSignposts(scope, caseRow.id);
  await scope.audit({ action: 'read', entityType: 'onward_referral', detail: { referralId, count: rows.length } });
  return { onwardReferrals, signposts };
}

export async function getOnward(scope: SchemeScope, id: string): Promise<OnwardReferral> {
  authorizeCaseworker(scope);
  scope.authorize('onward_referral', 'read');
  const row = await loadOnwardRow(scope, id);
  await scope.audit({ action: 'read', entityType: 'onward_referral', entityId: id });
  return presentOnward(scope, row);
}

/**
 * A step that takes the person further into the service needs an open case and their consent;
 * one that ends the referral (withdraw, complete, drop out, decline) is always allowed, so a
 * closed case can still be tidied up.
 */
function movesForward(type: OnwardEventType): boolean {
  switch (type) {
    case 'accept':
    case 'waitlist':
    case 'start_attending':
      return true;
    case 'decline':
    case 'complete':
    case 'drop_out':
    case 'expire':
    case 'withdraw':
      return false;
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** A change by the link worker: recording a reply the provider gave by phone, completing, withdrawing. */
export async function linkWorkerOnwardEvent(scope: SchemeScope, id: string, input: OnwardEventInput, expectedVersion: number, now: Date = new Date()): Promise<OnwardReferral> {
  authorizeCaseworker(scope);
  scope.authorize('onward_referral', 'update');
  const event = toMachineEvent(input.event);
  if (movesForward(event.type)) {
    // The case first, then the onward row: the lock order of creation, so the two cannot deadlock.
    const found = await loadOnwardRow(scope, id);
    await loadOpenCase(scope, found.referral_id);
  }
  const row = await loadOnwardRow(scope, id, { lock: true });
  const service = await serviceFacts(scope, row.service_id, row.directory_organization_id);
  const updated = await changeOnwardStatus(scope, {
    row,
    event,
    replyNote: 'note' in input.event ? input.event.note : undefined,
    actor: 'link_worker',
    expectedVersion,
    serviceName: service.name,
    now,
  });
  return presentOnward(scope, updated);
}
