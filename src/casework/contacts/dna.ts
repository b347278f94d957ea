import type { ContactStatus } from '../../contracts/casework-codes.js';
import type { SchemeScope } from '../../data/access.js';
import { raiseAlert } from '../alerts/raise.js';
import { dnaStreak, repeatedDna } from '../domain/repeated-dna.js';
import { loadCaseworkSettings } from '../settings.js';

/**
 * The contact that began the latest run of misses: the oldest "did not attend" before anything
 * attended. The alert is keyed on it, so a run that grows from two misses to three raises no
 * second alert, while a new run after the person came back raises its own.
 */
export function firstOfStreak(contactsNewestFirst: readonly { id: string; status: ContactStatus }[]): string | null {
  let first: string | null = null;
  for (const contact of contactsNewestFirst) {
    if (contact.status === 'attended') break;
    if (contact.status === 'did_not_attend') first = contact.id;
  }
  return first;
}

/** After a contact was marked missed: alert the link worker if the misses in a row reach the scheme's threshold. */
export async function checkRepeatedDna(scope: SchemeScope, referralId: string, now: Date): Promise<void> {
  const contacts = await scope.db
    .selectFrom('contacts')
    .select(['id', 'status'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy('scheduled_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const statuses = contacts.map((c) => c.status);
  const settings = await loadCaseworkSettings(scope);
  if (!repeatedDna(statuses, settings.repeatedDnaThreshold)) return;
  const first = firstOfStreak(contacts);
  if (first === null) return;
  await raiseAlert(
    scope,
    {
      referralId,
      kind: 'repeated_dna',
      key: `dna:${first}`,
      message: `Missed ${dnaStreak(statuses)} appointments in a row`,
      followUp: { title: 'Follow up missed appointments', withinWorkingDays: 2 },
    },
    now,
  );
}
