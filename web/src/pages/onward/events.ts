import type { OnwardStatus } from '../../../../src/contracts/casework-codes.js';
import { onwardEventInput, type OnwardEventInput } from '../../../../src/contracts/onward.js';
import { allowedOnwardEvents, type OnwardActor } from '../../../../src/casework/domain/onward-lifecycle.js';
import { checkWith, type Checked } from '../../forms/errors.js';
import type { FormValues } from './forms.js';

/**
 * Replies and changes of status on an onward referral, by the group or by the link worker, as
 * small forms. Which ones a page offers comes from the shared state machine (the link worker's
 * view) or the server's allowedEvents (the provider's).
 */
export type ActionType = OnwardEventInput['event']['type'];

const ACTION_TYPES: readonly ActionType[] = ['accept', 'waitlist', 'decline', 'complete', 'drop_out', 'withdraw'];

export function isActionType(value: string): value is ActionType {
  return (ACTION_TYPES as readonly string[]).includes(value);
}

/** The actions an actor may take from a status, in the order the page shows them. */
export function actionsFor(status: OnwardStatus, actor: OnwardActor): ActionType[] {
  const allowed: readonly string[] = allowedOnwardEvents(status, actor);
  return ACTION_TYPES.filter((type) => allowed.includes(type));
}

/**
 * The link worker's actions. A group's yes or waiting-list place is not recorded once the case is
 * closed or the person has withdrawn consent: the server refuses it, so the page does not offer it.
 */
export function linkWorkerActions(status: OnwardStatus, caseOpenWithConsent: boolean): ActionType[] {
  return actionsFor(status, 'link_worker').filter((type) => caseOpenWithConsent || (type !== 'accept' && type !== 'waitlist'));
}

/** The server's allowedEvents, kept to the ones a person can take from a form, in page order. */
export function offeredActions(allowedEvents: readonly string[]): ActionType[] {
  return ACTION_TYPES.filter((type) => allowedEvents.includes(type));
}

export interface ActionWords {
  heading: string;
  button: string;
}

/** Headings and buttons; the group is "you" on the provider's page, "the group" on the link worker's. */
export function actionWords(type: ActionType, audience: 'provider' | 'link_worker'): ActionWords {
  const group = audience === 'provider';
  switch (type) {
    case 'accept':
      return { heading: group ? 'Accept this referral' : 'The group accepted by phone or email', button: group ? 'Accept' : 'Record that they accepted' };
    case 'waitlist':
      return {
        heading: group ? 'Put on the waiting list' : 'The group put them on its waiting list',
        button: group ? 'Put on waiting list' : 'Record waiting list',
      };
    case 'decline':
      return { heading: group ? 'Decline this referral' : 'The group declined', button: group ? 'Decline' : 'Record that they declined' };
    case 'complete':
      return { heading: 'Mark as completed', button: 'Mark completed' };
    case 'drop_out':
      return { heading: 'They stopped coming', button: 'Mark dropped out' };
    case 'withdraw':
      return { heading: 'Withdraw this referral', button: 'Withdraw referral' };
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** Field names of an action's form, in page order; prefixed by the action so several forms share a page. */
export function actionFields(type: ActionType): string[] {
  switch (type) {
    case 'decline':
    case 'drop_out':
      return [`${type}-reasonCode`, `${type}-note`];
    case 'withdraw':
      return ['withdraw-reason'];
    case 'accept':
    case 'waitlist':
    case 'complete':
      return [`${type}-note`];
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

const text = (values: FormValues, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** The event body from one action's form, or the messages to show beside its fields. */
export function checkAction(type: ActionType, values: FormValues): Checked<OnwardEventInput> {
  const note = text(values, `${type}-note`);
  const withNote = note === '' ? {} : { note };
  const rename = (checked: Checked<OnwardEventInput>): Checked<OnwardEventInput> => {
    if (checked.ok) return checked;
    const fields: Partial<Record<string, string>> = {};
    for (const [name, message] of Object.entries(checked.errors.fields)) fields[`${type}-${name}`] = message;
    return { ok: false, errors: { detail: checked.errors.detail, fields } };
  };
  switch (type) {
    case 'accept':
    case 'waitlist':
    case 'complete':
      return rename(checkWith(onwardEventInput, { event: { type, ...withNote } }));
    case 'decline':
    case 'drop_out': {
      const reasonCode = text(values, `${type}-reasonCode`);
      if (reasonCode === '') {
        const message = type === 'decline' ? 'Choose why the referral is declined' : 'Choose why they stopped coming';
        return { ok: false, errors: { detail: null, fields: { [`${type}-reasonCode`]: message } } };
      }
      if (type === 'decline' && reasonCode === 'other' && note === '') {
        return { ok: false, errors: { detail: null, fields: { 'decline-note': 'Say why the referral is declined' } } };
      }
      return rename(checkWith(onwardEventInput, { event: { type, reasonCode, ...withNote } }));
    }
    case 'withdraw':
      return rename(checkWith(onwardEventInput, { event: { type, reason: text(values, 'withdraw-reason') } }));
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}

/** What the success banner says after an action. */
export function actionDone(type: ActionType): string {
  switch (type) {
    case 'accept':
      return 'The referral has been accepted.';
    case 'waitlist':
      return 'The referral is on the waiting list.';
    case 'decline':
      return 'The referral has been declined.';
    case 'complete':
      return 'The referral is marked as completed.';
    case 'drop_out':
      return 'The referral is marked as dropped out.';
    case 'withdraw':
      return 'The referral has been withdrawn.';
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
