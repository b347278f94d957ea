import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { OutcomeStoryDto, storyInput } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { AppError, notFound } from '../errors.js';
import { assertPersonAndReferral } from './responses/store.js';

/**
 * "What changed for me", in the person's own words. It may be shared only with their consent;
 * the de-identified version (for reports and case studies) exists only while that consent stands.
 * When the consent is given is recorded, and by whom.
 */

export type StoryInput = z.infer<typeof storyInput>;

const COLUMNS = ['id', 'person_id', 'referral_id', 'story', 'consent_to_share', 'consent_recorded_at', 'deidentified', 'created_by_label', 'created_at', 'version'] as const;

interface StoryRow {
  id: string;
  person_id: string;
  referral_id: string | null;
  story: string;
  consent_to_share: boolean;
  consent_recorded_at: Date | null;
  deidentified: string | null;
  created_by_label: string;
  created_at: Date;
  version: number;
}

export function presentStory(row: StoryRow): OutcomeStoryDto {
  return {
    id: row.id,
    personId: row.person_id,
    referralId: row.referral_id,
    story: row.story,
    consentToShare: row.consent_to_share,
    consentRecordedAt: row.consent_recorded_at?.toISOString() ?? null,
    deidentified: row.deidentified,
    createdBy: row.created_by_label,
    createdAt: row.created_at.toISOString(),
    version: row.version,
  };
}

/** An empty de-identified version is no version at all. Without consent there must be none. */
function deidentifiedOf(input: StoryInput): string | null {
  const text = input.deidentified?.trim() ? input.deidentified.trim() : null;
  if (text !== null && !input.consentToShare) {
    throw new AppError('validation', 'A de-identified version can only be kept when the person agrees to share their story.', {
      code: 'consent-required',
      fields: [{ field: 'body.deidentified', message: 'Record the person’s consent to share first, or leave this empty' }],
    });
  }
  return text;
}

const actorId = (scope: SchemeScope): string | null => (scope.actor.type === 'user' ? scope.actor.userId : null);

/** The person's stories, newest first. The caller has authorized the read and audits it. */
export async function listStories(scope: SchemeScope, personId: string): Promise<OutcomeStoryDto[]> {
  const rows = await scope.db
    .selectFrom('outcome_stories')
    .select(COLUMNS)
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(presentStory);
}

export async function createStory(scope: SchemeScope, personId: string, input: StoryInput): Promise<OutcomeStoryDto> {
  scope.authorize('outcome_story', 'create');
  const referralId = input.referralId ?? null;
  await assertPersonAndReferral(scope, personId, referralId);
  const deidentified = deidentifiedOf(input);
  const label = scope.actor.type === 'anonymous' ? 'Unknown' : scope.actor.label;
  const row = await scope.db
    .insertInto('outcome_stories')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      person_id: personId,
      referral_id: referralId,
      story: input.story,
      consent_to_share: input.consentToShare,
      consent_recorded_at: input.consentToShare ? new Date() : null,
      consent_recorded_by: input.consentToShare ? actorId(scope) : null,
      deidentified,
      created_by: actorId(scope),
      created_by_label: label,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'outcome_story', entityId: row.id, detail: { personId, consentToShare: input.consentToShare } });
  return presentStory(row);
}

export async function updateStory(scope: SchemeScope, id: string, input: StoryInput, expectedVersion: number): Promise<OutcomeStoryDto> {
  scope.authorize('outcome_story', 'update');
  const current = await scope.db
    .selectFrom('outcome_stories')
    .select(['person_id', 'referral_id', 'consent_to_share', 'version'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound('The story');
  const referralId = input.referralId === undefined ? current.referral_id : input.referralId;
  if (referralId !== current.referral_id) await assertPersonAndReferral(scope, current.person_id, referralId);
  const deidentified = deidentifiedOf(input);
  // Consent is dated when it is given; withdrawn, it no longer stands, and neither does its date.
  const consentChange = input.consentToShare
    ? current.consent_to_share
      ? {}
      : { consent_recorded_at: new Date(), consent_recorded_by: actorId(scope) }
    : { consent_recorded_at: null, consent_recorded_by: null };
  const row = await scope.db
    .updateTable('outcome_stories')
    .set({
      referral_id: referralId,
      story: input.story,
      consent_to_share: input.consentToShare,
      deidentified,
      ...consentChange,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning(COLUMNS)
    .executeTakeFirst();
  if (!row) {
    throw new AppError('precondition-failed', `This story has been changed by someone else (now version ${current.version}). Reload it and try again.`, {
      code: 'version-mismatch',
    });
  }
  const consent = input.consentToShare === current.consent_to_share ? undefined : input.consentToShare ? 'given' : 'withdrawn';
  await scope.audit({ action: 'update', entityType: 'outcome_story', entityId: id, detail: { personId: current.person_id, ...(consent ? { consent } : {}) } });
  return presentStory(row);
}
