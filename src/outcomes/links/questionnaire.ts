import { sql } from 'kysely';
import { measureDefinition, type MeasureAnswers, type PublicQuestionnaire } from '../../contracts/outcomes.js';
import type { DataAccess, RequestMeta, SchemeScope } from '../../data/access.js';
import type { MeasureLinkRow } from '../../db/schema.js';
import { hashSecret } from '../../auth/tokens.js';
import { publicUrl } from '../../config/index.js';
import { AppError } from '../../errors.js';
import { queueNotification } from '../../notifications/outbox.js';
import { schemeMeasures } from '../catalogue.js';
import { completePendingResponse, saveProgress, storedAnswers } from '../responses/store.js';
import { linkState } from './links.js';
import { schemeName, type LinkDeps } from './send-link.js';

/**
 * The person's side of a one-time link. The token is the only credential: it is looked up by
 * its hash through a narrow database function (the tenant is not known before), then all work
 * happens inside that scheme as the anonymous actor. Answers never include anything about the
 * person beyond the questionnaire they were sent.
 */

export type GoneCode = 'link-submitted' | 'link-expired' | 'link-revoked';

/** A link that worked once and no longer does: 410, with a kind message saying what to do. */
export class LinkGone extends AppError {
  constructor(
    readonly code: GoneCode,
    message: string,
  ) {
    super('gone', message, { code });
    this.name = 'LinkGone';
  }
}

const GONE_MESSAGES: Record<GoneCode, string> = {
  'link-submitted': 'You have already sent in this questionnaire. Thank you. If you need to change an answer, contact your link worker.',
  'link-expired': 'This link has expired. If you would still like to answer the questions, contact your link worker and they can send you a new link.',
  'link-revoked': 'This link is no longer in use. If you were expecting to answer some questions, contact your link worker and they can send you a new link.',
};

export const unknownLink = (): AppError =>
  new AppError('not-found', 'We could not find this questionnaire. Check you copied the whole link from your message, or contact your link worker.', { code: 'link-unknown' });

/** Which scheme and link a token belongs to, or 404. */
export async function resolveToken(data: DataAccess, token: string): Promise<{ schemeId: string; linkId: string }> {
  const hash = hashSecret(token);
  const row = await data.platform(async (tx) => {
    const { rows } = await sql<{ scheme_id: string; link_id: string }>`select * from linkwell_measure_link(${hash})`.execute(tx);
    return rows[0];
  });
  if (!row) throw unknownLink();
  return { schemeId: row.scheme_id, linkId: row.link_id };
}

/**
 * Whether the link's measure is still one the scheme uses. A measure switched off (or a scale
 * gone) after the link went out ends the link, as revoking it would.
 */
async function measureStillOffered(scope: SchemeScope, link: MeasureLinkRow): Promise<boolean> {
  const response = await scope.db.selectFrom('measure_responses').select('measure_key').where('scheme_id', '=', scope.schemeId).where('id', '=', link.response_id).executeTakeFirst();
  if (!response) return false;
  const measure = (await schemeMeasures(scope)).find((m) => m.definition.key === response.measure_key);
  return measure?.enabled === true;
}

/** The link, locked for this transaction, refused unless it is still open. */
async function openLink(scope: SchemeScope, linkId: string): Promise<MeasureLinkRow> {
  const link = await scope.db.selectFrom('measure_links').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', linkId).forUpdate().executeTakeFirst();
  if (!link) throw unknownLink();
  const found = linkState(link, new Date());
  const state = found === 'open' && !(await measureStillOffered(scope, link)) ? 'revoked' : found;
  switch (state) {
    case 'open':
      return link;
    case 'submitted':
    case 'expired':
    case 'revoked': {
      const code: GoneCode = `link-${state}`;
      await scope.audit({ action: 'read', entityType: 'measure_link', entityId: link.id, detail: { refused: state, ...(state !== found ? { because: 'measure-switched-off' } : {}) } });
      throw new LinkGone(code, GONE_MESSAGES[code]);
    }
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** Runs the work inside the token's scheme as the anonymous actor. */
export async function withLink<T>(data: DataAccess, token: string, meta: RequestMeta, work: (scope: SchemeScope, link: MeasureLinkRow) => Promise<T>): Promise<T> {
  const { schemeId, linkId } = await resolveToken(data, token);
  // A gone link's refusal is audited: that write must commit even though the request fails.
  const outcome = await data.inScheme({ type: 'anonymous', schemeId }, meta, async (scope) => {
    try {
      return { ok: true as const, value: await work(scope, await openLink(scope, linkId)) };
    } catch (error) {
      if (error instanceof LinkGone) return { ok: false as const, error };
      throw error;
    }
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}

export async function openQuestionnaire(scope: SchemeScope, link: MeasureLinkRow): Promise<PublicQuestionnaire> {
  const response = await scope.db
    .selectFrom('measure_responses')
    .select(['definition', 'answers'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', link.response_id)
    .executeTakeFirstOrThrow();
  if (!link.opened_at) {
    await scope.db.updateTable('measure_links').set({ opened_at: sql<Date>`now()` }).where('scheme_id', '=', scope.schemeId).where('id', '=', link.id).execute();
  }
  await scope.audit({ action: 'read', entityType: 'measure_link', entityId: link.id, detail: { responseId: link.response_id, firstOpen: !link.opened_at } });
  return {
    schemeName: await schemeName(scope),
    definition: measureDefinition.parse(response.definition),
    answers: storedAnswers(response.answers),
    expiresAt: new Date(link.expires_at).toISOString(),
  };
}

export async function saveQuestionnaire(scope: SchemeScope, link: MeasureLinkRow, answers: MeasureAnswers): Promise<void> {
  await saveProgress(scope, link.response_id, answers);
}

/**
 * Completes the response and tells the link worker (the case's, else whoever sent the link) by
 * email: that a questionnaire came back and where to see it, never whose it is.
 */
export async function submitQuestionnaire(scope: SchemeScope, deps: LinkDeps, link: MeasureLinkRow, answers: MeasureAnswers): Promise<{ schemeName: string }> {
  const { row } = await completePendingResponse(scope, link.response_id, answers);
  await scope.db.updateTable('measure_links').set({ submitted_at: sql<Date>`now()` }).where('scheme_id', '=', scope.schemeId).where('id', '=', link.id).execute();
  await scope.audit({ action: 'update', entityType: 'measure_link', entityId: link.id, detail: { state: 'submitted', responseId: row.id } });
  const worker = await workerEmail(scope, row.referral_id, link.created_by);
  if (worker) {
    const url = `${publicUrl(deps.config)}/people/${link.person_id}/outcomes`;
    await queueNotification(scope, deps.jobs, {
      channel: 'email',
      template: 'measure-link-completed',
      recipient: worker,
      subject: 'A questionnaire you sent has been completed',
      body: ['A questionnaire you sent has been completed.', '', `See the answers and the score: ${url}`].join('\n'),
      entityType: 'measure_response',
      entityId: row.id,
    });
  }
  return { schemeName: await schemeName(scope) };
}

async function workerEmail(scope: SchemeScope, referralId: string | null, sentBy: string | null): Promise<string | null> {
  let userId: string | null = null;
  if (referralId) {
    const referral = await scope.db.selectFrom('referrals').select('link_worker_id').where('scheme_id', '=', scope.schemeId).where('id', '=', referralId).executeTakeFirst();
    userId = referral?.link_worker_id ?? null;
  }
  userId ??= sentBy;
  if (!userId) return null;
  const user = await scope.db.selectFrom('users').select(['email', 'status']).where('id', '=', userId).executeTakeFirst();
  return user && user.status === 'active' ? user.email : null;
}
