import { sql } from 'kysely';
import type { z } from 'zod';
import type { outcomePreferences, outcomePreferencesInput } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { validationError } from '../errors.js';
import { canSendBy } from './links/links.js';
import { assertPersonAndReferral } from './responses/store.js';

/**
 * Whether, and how, the person agreed to be reminded themselves when a measure is due. 'none'
 * until they agree; the time they agreed is kept with the channel they chose.
 */

export type OutcomePreferences = z.infer<typeof outcomePreferences>;
export type OutcomePreferencesInput = z.infer<typeof outcomePreferencesInput>;

/** Whether a link or reminder could reach the person by each channel (never the address itself). */
export async function contactChannels(scope: SchemeScope, personId: string): Promise<{ email: boolean; sms: boolean }> {
  const person = await scope.db.selectFrom('people').select(['email', 'phone']).where('scheme_id', '=', scope.schemeId).where('id', '=', personId).executeTakeFirst();
  return canSendBy(person ?? { email: null, phone: null });
}

export async function readPreferences(scope: SchemeScope, personId: string): Promise<OutcomePreferences> {
  const row = await scope.db
    .selectFrom('outcome_preferences')
    .select(['reminders', 'agreed_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return { reminders: row?.reminders ?? 'none', agreedAt: row?.agreed_at?.toISOString() ?? null };
}

export async function updatePreferences(scope: SchemeScope, personId: string, input: OutcomePreferencesInput): Promise<OutcomePreferences> {
  // Reminders are part of measuring: whoever may record a person's measures records how they want reminding.
  scope.authorize('measure_response', 'update');
  await assertPersonAndReferral(scope, personId, null);
  const channels = await contactChannels(scope, personId);
  if (input.reminders === 'email' && !channels.email) {
    throw validationError([{ field: 'body.reminders', message: 'Add the person’s email address first' }], 'There is no email address for this person.');
  }
  if (input.reminders === 'sms' && !channels.sms) {
    throw validationError([{ field: 'body.reminders', message: 'Add the person’s mobile number first' }], 'There is no mobile number for this person.');
  }
  const current = await readPreferences(scope, personId);
  // Agreement is dated when it is given or changes channel; saying no clears it.
  const agreedAt = input.reminders === 'none' ? null : input.reminders === current.reminders && current.agreedAt ? new Date(current.agreedAt) : new Date();
  const recordedBy = scope.actor.type === 'user' ? scope.actor.userId : null;
  await scope.db
    .insertInto('outcome_preferences')
    .values({ scheme_id: scope.schemeId, person_id: personId, reminders: input.reminders, agreed_at: agreedAt, recorded_by: recordedBy })
    .onConflict((oc) =>
      oc.columns(['scheme_id', 'person_id']).doUpdateSet({ reminders: input.reminders, agreed_at: agreedAt, recorded_by: recordedBy, updated_at: sql<Date>`now()` }),
    )
    .execute();
  await scope.audit({ action: 'update', entityType: 'outcome_preferences', entityId: personId, detail: { reminders: input.reminders } });
  return readPreferences(scope, personId);
}
