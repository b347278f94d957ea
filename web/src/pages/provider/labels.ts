import { SHARE_FIELDS, type ShareField } from '../../../../src/contracts/casework-codes.js';
import type { SharedDetails } from '../../../../src/contracts/onward.js';
import { formatDate } from '../referrals/labels.js';

/** Words for the provider portal. Pure, so each is unit tested. */

const FIELD_KEYS: Record<ShareField, keyof SharedDetails> = {
  name: 'name',
  contact: 'contact',
  need_summary: 'needSummary',
  goals: 'goals',
  communication_needs: 'communicationNeeds',
  risks: 'risks',
  date_of_birth: 'dateOfBirth',
  address: 'address',
};

/** The share fields present in what the group was sent (fields not shared are absent), in the usual order. */
export function sharedFieldsOf(shared: SharedDetails): ShareField[] {
  return SHARE_FIELDS.filter((field) => shared[FIELD_KEYS[field]] !== undefined);
}

/** The notice in place of the person's details once the group may no longer see them. */
export function detailsRemovedText(accessUntil: string | null): string {
  const when = accessUntil === null ? 'This referral has ended.' : `This referral has ended. Its details were removed on ${formatDate(accessUntil)}.`;
  return `${when} The person's details are no longer shown.`;
}
