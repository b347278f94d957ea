import { publicUrl, type Config } from '../../config/index.js';
import type { CaseworkSettings } from '../../contracts/casework.js';
import type { SchemeScope } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification, type OutgoingMessage } from '../../notifications/outbox.js';
import { raiseAlert } from '../alerts/raise.js';
import type { VisitRow } from '../contacts/present.js';
import { visitState } from '../contacts/present.js';
import { londonTimeAndDate } from '../domain/dates.js';
import { levelsToSend, recipientsFor, type AlertRecipients } from '../domain/lone-working.js';

export interface EscalationDeps {
  jobs: JobQueue;
  config: Config;
}

/**
 * lone_working_alerts holds one row per level sent, and a call for help starts a ladder of its
 * own at level 2, which would collide with the missed check-in's level 2. So a call for help's
 * levels are stored as HELP_EPISODE × n + level, n counting the calls for help on the visit
 * (1 for the first; a new call after one was acknowledged is n + 1). A missed check-in's levels
 * are stored as they are: reaching a million would take years of alerts every few minutes.
 */
export const HELP_EPISODE = 1_000_000;

/** Which ladder a run is on: the missed check-in's, the call for help under way, or a call just made. */
export type Episode = 'missed' | 'help' | 'new_help';

/**
 * The levels already sent on this ladder, and what to add to a level to store it. A call for
 * help sends its first level in the same transaction as the call, so the latest help episode
 * stored is always the one under way; only the call itself opens the next.
 */
export function episodeOf(storedLevels: readonly number[], episode: Episode): { sentLevels: number[]; offset: number } {
  if (episode === 'missed') return { sentLevels: storedLevels.filter((l) => l < HELP_EPISODE), offset: 0 };
  const latest = Math.max(0, ...storedLevels.map((l) => Math.floor(l / HELP_EPISODE)));
  const number = episode === 'new_help' ? latest + 1 : Math.max(1, latest);
  const offset = number * HELP_EPISODE;
  return { sentLevels: storedLevels.filter((l) => l > offset && l < offset + HELP_EPISODE).map((l) => l - offset), offset };
}

const ORDINALS = ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth', 'Seventh', 'Eighth', 'Ninth', 'Tenth'];
/** "First alert", "Second alert", … "Alert 11". */
export const alertName = (n: number): string => (ORDINALS[n - 1] !== undefined ? `${ORDINALS[n - 1] ?? ''} alert` : `Alert ${n}`);

interface Recipient {
  channel: 'email' | 'sms';
  address: string;
}

async function managerEmails(scope: SchemeScope): Promise<string[]> {
  const rows = await scope.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.scheme_id', '=', scope.schemeId)
    .where('m.role', '=', 'scheme_manager')
    .where('u.status', '=', 'active')
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}

/** Managers, then (from level 2) the scheme's named contacts: email by email, phone by text; nobody twice. */
export async function recipientsOf(scope: SchemeScope, who: AlertRecipients, settings: CaseworkSettings): Promise<Recipient[]> {
  const out: Recipient[] = (await managerEmails(scope)).map((address) => ({ channel: 'email', address }));
  switch (who) {
    case 'managers':
      break;
    case 'managers_and_contacts':
      for (const contact of settings.loneWorkingContacts) {
        if (contact.email !== null) out.push({ channel: 'email', address: contact.email });
        if (contact.phone !== null) out.push({ channel: 'sms', address: contact.phone });
      }
      break;
    default: {
      const unreachable: never = who;
      return unreachable;
    }
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.channel}:${r.address.trim().toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface AlertText {
  workerName: string;
  expectedAt: Date;
  /** The alert's number within its episode. */
  number: number;
  needsHelp: boolean;
  link: string;
}

/** The words of an alert. It names the member of staff, never the person visited or where they live. */
export function alertMessage(text: AlertText, channel: 'email' | 'sms'): Pick<OutgoingMessage, 'subject' | 'body'> {
  const when = londonTimeAndDate(text.expectedAt);
  const what = text.needsHelp
    ? `${text.workerName} pressed "I need help" on a home visit.`
    : `${text.workerName} was due to check in from a home visit by ${when} and has not.`;
  const subject = text.needsHelp ? `Lone working: ${text.workerName} has asked for help` : `Lone working: ${text.workerName} has not checked in`;
  const name = alertName(text.number);
  if (channel === 'sms') return { subject, body: `Linkwell lone working, ${name.toLowerCase()}: ${what} Expected check-in ${when}. Call them now. ${text.link}` };
  return {
    subject: `${name} — ${subject}`,
    body: [
      `${name}.`,
      '',
      what,
      `Expected check-in: ${when}.`,
      '',
      'Call them now. If you cannot reach them, follow the lone-working procedure.',
      `When you know they are safe, acknowledge the alert so that it stops: ${text.link}`,
    ].join('\n'),
  };
}

/**
 * Sends what is due for one visit at `now`, in the caller's transaction; the caller holds the
 * visit's row lock, so a run of the job and a call for help never send one level twice.
 * Returns the number of messages queued.
 */
export async function escalateVisit(
  scope: SchemeScope,
  deps: EscalationDeps,
  visit: VisitRow,
  settings: CaseworkSettings,
  now: Date,
  options: { newCallForHelp?: boolean } = {},
): Promise<number> {
  const state = visitState(visit, settings, now);
  if (state.state !== 'overdue' && state.state !== 'needs_help') return 0;
  const needsHelp = state.state === 'needs_help';
  const sent = await scope.db
    .selectFrom('lone_working_alerts')
    .select('level')
    .where('scheme_id', '=', scope.schemeId)
    .where('contact_id', '=', visit.contact_id)
    .execute();
  const episode: Episode = !needsHelp ? 'missed' : options.newCallForHelp === true ? 'new_help' : 'help';
  const { sentLevels, offset } = episodeOf(
    sent.map((r) => r.level),
    episode,
  );
  const contact = await scope.db
    .selectFrom('contacts')
    .select(['referral_id', 'worker_label'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', visit.contact_id)
    .executeTakeFirstOrThrow();
  const worker = await scope.db.selectFrom('users').select('display_name').where('id', '=', visit.worker_id).executeTakeFirst();
  const workerName = worker?.display_name ?? contact.worker_label;
  let queued = 0;
  for (const level of levelsToSend(sentLevels, state.level)) {
    const who = recipientsFor(level);
    if (who === null) continue;
    const recipients = await recipientsOf(scope, who, settings);
    const number = needsHelp ? level - 1 : level;
    const text = { workerName, expectedAt: new Date(visit.expected_check_in_at), number, needsHelp, link: `${publicUrl(deps.config)}/lone-working` };
    for (const recipient of recipients) {
      await queueNotification(scope, deps.jobs, {
        channel: recipient.channel,
        template: 'lone-working-alert',
        recipient: recipient.address,
        ...alertMessage(text, recipient.channel),
        entityType: 'lone_working_visit',
        entityId: visit.contact_id,
      });
    }
    await scope.db
      .insertInto('lone_working_alerts')
      .values({ scheme_id: scope.schemeId, contact_id: visit.contact_id, level: offset + level, recipients: recipients.length, sent_at: now })
      .execute();
    await scope.audit({ action: 'create', entityType: 'lone_working_alert', entityId: visit.contact_id, detail: { level, needsHelp, recipients: recipients.length } });
    queued += recipients.length;
    await raiseAlert(
      scope,
      {
        referralId: contact.referral_id,
        kind: 'lone_working',
        key: `visit:${visit.contact_id}`,
        message: needsHelp ? `${workerName} asked for help on a home visit` : `${workerName} missed a lone-working check-in on a home visit`,
        followUp: { title: 'Check the lone-working alert was followed up', withinWorkingDays: 1 },
      },
      now,
    );
  }
  return queued;
}
