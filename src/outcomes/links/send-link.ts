import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MeasureLinkDto, SchemeMeasure } from '../../contracts/outcomes.js';
import { publicUrl, type Config } from '../../config/index.js';
import type { SchemeScope } from '../../data/access.js';
import { hashSecret, newSecret } from '../../auth/tokens.js';
import { AppError, notFound, validationError } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { isOpen } from '../../referrals/domain/lifecycle.js';
import { loadOutcomeSettings, requireMeasure } from '../catalogue.js';
import { consentWithdrawnOfR } from '../consent.js';
import { assertPersonAndReferral, createPendingResponse } from '../responses/store.js';
import { findLink, isMobileNumber } from './links.js';

/**
 * Sending and revoking one-time links. Callers authorize (a route checks the user; the
 * reminder job acts for the scheme). The secret leaves this module only inside the message:
 * the database keeps its hash, the audit trail and the outbox's entity fields never see it.
 */

export interface LinkDeps {
  jobs: JobQueue;
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>;
}

export interface SendLinkRequest {
  personId: string;
  referralId: string | null;
  measureKey: string;
  timepoint: string;
  channel: 'email' | 'sms';
  now?: Date;
}

export async function schemeName(scope: SchemeScope): Promise<string> {
  const row = await scope.db.selectFrom('schemes').select('name').where('id', '=', scope.schemeId).executeTakeFirst();
  return row?.name ?? 'Social prescribing';
}

/** Where the message goes, or a plain refusal naming what is missing. */
async function addressOf(scope: SchemeScope, personId: string, channel: 'email' | 'sms'): Promise<string> {
  const person = await scope.db.selectFrom('people').select(['email', 'phone']).where('scheme_id', '=', scope.schemeId).where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('The person');
  if (channel === 'email') {
    const email = person.email?.trim();
    if (!email) throw validationError([{ field: 'body.channel', message: 'Add an email address to their record, or send the link by text message' }], 'We do not have an email address for this person.');
    return email;
  }
  if (!person.phone || !isMobileNumber(person.phone)) {
    throw validationError([{ field: 'body.channel', message: 'Add a mobile number to their record, or send the link by email' }], 'We do not have a mobile number for this person.');
  }
  return person.phone;
}

const dayWord = (days: number): string => `${days} day${days === 1 ? '' : 's'}`;

/** The person's message: plain and kind, naming the scheme and the questionnaire's short name only. */
export function linkMessage(channel: 'email' | 'sms', input: { scheme: string; shortName: string; url: string; days: number }): { subject: string; body: string } {
  if (channel === 'sms') {
    return {
      subject: '',
      body: `${input.scheme}: please tell us how you have been with a few short questions (${input.shortName}): ${input.url} The link works for ${dayWord(input.days)}.`,
    };
  }
  return {
    subject: `${input.scheme}: a few short questions for you`,
    body: [
      'Hello,',
      '',
      `${input.scheme} would like to know how you have been. Please answer a few short questions (${input.shortName}). Your answers help you and your link worker see what has changed.`,
      '',
      `Answer the questions: ${input.url}`,
      '',
      `The link works for ${dayWord(input.days)}. You can save your answers and come back to them until you send them in. The link is just for you, so please do not share it.`,
      '',
      'If you were not expecting this message, you can ignore it.',
    ].join('\n'),
  };
}

/**
 * Ends the person's earlier unsent questionnaires for the same measure and point: an open link
 * is revoked, and any response still waiting (behind an open or expired link) is cancelled, so
 * only the newest link can be answered.
 */
async function retireEarlierLinks(scope: SchemeScope, input: SendLinkRequest, now: Date): Promise<void> {
  const earlier = await scope.db
    .selectFrom('measure_links as l')
    .innerJoin('measure_responses as r', (j) => j.onRef('r.scheme_id', '=', 'l.scheme_id').onRef('r.id', '=', 'l.response_id'))
    .select(['l.id', 'l.response_id', 'l.expires_at', 'r.status'])
    .where('l.scheme_id', '=', scope.schemeId)
    .where('l.person_id', '=', input.personId)
    .where('r.measure_key', '=', input.measureKey)
    .where('r.timepoint', '=', input.timepoint)
    .where('l.submitted_at', 'is', null)
    .where('l.revoked_at', 'is', null)
    .forUpdate()
    .execute();
  for (const link of earlier) {
    if (new Date(link.expires_at).getTime() > now.getTime()) await markRevoked(scope, link.id, 'replaced');
    if (link.status === 'in-progress') await cancelResponse(scope, link.response_id);
  }
}

async function markRevoked(scope: SchemeScope, linkId: string, reason: 'replaced' | 'revoked'): Promise<void> {
  await scope.db
    .updateTable('measure_links')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: scope.actor.type === 'user' ? scope.actor.userId : null })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', linkId)
    .execute();
  await scope.audit({ action: 'update', entityType: 'measure_link', entityId: linkId, detail: { state: 'revoked', reason } });
}

async function cancelResponse(scope: SchemeScope, responseId: string): Promise<void> {
  await scope.db
    .updateTable('measure_responses')
    .set({ status: 'cancelled', version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', responseId)
    .where('status', '=', 'in-progress')
    .execute();
  await scope.audit({ action: 'update', entityType: 'measure_response', entityId: responseId, detail: { status: 'cancelled' } });
}

/**
 * Holds the person's row until this transaction ends. Two sends for the same person (a
 * double click) then take turns: the second sees the first's link and replaces it, rather
 * than both finding no earlier link and leaving two open.
 */
async function lockPerson(scope: SchemeScope, personId: string): Promise<void> {
  const row = await scope.db.selectFrom('people').select('id').where('scheme_id', '=', scope.schemeId).where('id', '=', personId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('The person');
}

/**
 * A person who withdrew consent is sent nothing. With a referral named, its consent decides;
 * with none, the person's referrals do: refused when any has consent withdrawn and no open one
 * has consent standing (every open one withdrawn, or none open to act on).
 */
async function assertConsentStands(scope: SchemeScope, personId: string, referralId: string | null): Promise<void> {
  let query = scope.db
    .selectFrom('referrals as r')
    .select([
      'r.status',
      consentWithdrawnOfR().as('withdrawn'),
    ])
    .where('r.scheme_id', '=', scope.schemeId)
    .where('r.person_id', '=', personId);
  if (referralId !== null) query = query.where('r.id', '=', referralId);
  const referrals = await query.execute();
  const anyWithdrawn = referrals.some((r) => r.withdrawn);
  const openStanding = referrals.some((r) => !r.withdrawn && isOpen(r.status));
  if (anyWithdrawn && (referralId !== null || !openStanding)) {
    throw new AppError('conflict', 'This person has withdrawn their consent, so they cannot be sent a questionnaire.', { code: 'consent-withdrawn' });
  }
}

/** Creates the waiting response and the link, and puts the message in the outbox, in the scope's transaction. */
export async function sendMeasureLink(scope: SchemeScope, deps: LinkDeps, input: SendLinkRequest, known?: SchemeMeasure): Promise<MeasureLinkDto> {
  const measure = known ?? (await requireMeasure(scope, input.measureKey, { selfCompletion: true }));
  const now = input.now ?? new Date();
  await lockPerson(scope, input.personId);
  await assertPersonAndReferral(scope, input.personId, input.referralId);
  await assertConsentStands(scope, input.personId, input.referralId);
  const recipient = await addressOf(scope, input.personId, input.channel);
  await retireEarlierLinks(scope, input, now);
  const responseId = await createPendingResponse(scope, { personId: input.personId, referralId: input.referralId, measure, timepoint: input.timepoint });
  const settings = await loadOutcomeSettings(scope);
  const token = newSecret();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + settings.linkExpiryDays * 86_400_000);
  await scope.db
    .insertInto('measure_links')
    .values({
      scheme_id: scope.schemeId,
      id,
      token_hash: hashSecret(token),
      response_id: responseId,
      person_id: input.personId,
      channel: input.channel,
      expires_at: expiresAt,
      created_by: scope.actor.type === 'user' ? scope.actor.userId : null,
    })
    .execute();
  // The token sits after '#': a browser never sends it to a server, so it stays out of logs.
  const url = `${publicUrl(deps.config)}/questionnaire#${token}`;
  const message = linkMessage(input.channel, { scheme: await schemeName(scope), shortName: measure.definition.shortName, url, days: settings.linkExpiryDays });
  const notificationId = await queueNotification(scope, deps.jobs, {
    channel: input.channel,
    template: 'measure-link',
    recipient,
    ...message,
    entityType: 'measure_link',
    entityId: id,
  });
  await scope.db.updateTable('measure_links').set({ notification_id: notificationId }).where('scheme_id', '=', scope.schemeId).where('id', '=', id).execute();
  await scope.audit({
    action: 'create',
    entityType: 'measure_link',
    entityId: id,
    detail: { personId: input.personId, responseId, measure: measure.definition.key, timepoint: input.timepoint, channel: input.channel, expiresAt: expiresAt.toISOString() },
  });
  const link = await findLink(scope, id, now);
  if (!link) throw new Error('The link just written could not be read back');
  return link;
}

/** Revokes an unsubmitted link and cancels its waiting response. A submitted link cannot be taken back. */
export async function revokeMeasureLink(scope: SchemeScope, linkId: string): Promise<MeasureLinkDto> {
  const row = await scope.db
    .selectFrom('measure_links')
    .select(['id', 'response_id', 'submitted_at', 'revoked_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', linkId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The link');
  if (row.submitted_at) throw new AppError('conflict', 'The person has already sent in this questionnaire, so the link cannot be revoked.', { code: 'link-submitted' });
  if (!row.revoked_at) {
    await markRevoked(scope, row.id, 'revoked');
    await cancelResponse(scope, row.response_id);
  }
  const link = await findLink(scope, row.id);
  if (!link) throw notFound('The link');
  return link;
}
