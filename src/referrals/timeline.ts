import type { Actor, SchemeScope } from '../data/access.js';
import type { Coding } from './domain/coding.js';

/** The referral's timeline: who did what, when, why, with the clinical code where one applies. */

export interface TimelineEvent {
  referralId: string;
  kind: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  coding?: Coding | null;
  detail?: Record<string, unknown>;
  occurredAt?: Date;
}

export function actorLabel(actor: Actor): string {
  switch (actor.type) {
    case 'user':
    case 'client':
    case 'system':
      return actor.label;
    case 'anonymous':
      return 'The person (self-referral)';
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}

function actorId(actor: Actor): string | null {
  if (actor.type === 'user') return actor.userId;
  if (actor.type === 'client') return actor.apiClientId;
  return null;
}

export async function recordEvent(scope: SchemeScope, event: TimelineEvent): Promise<void> {
  await scope.db
    .insertInto('referral_events')
    .values({
      scheme_id: scope.schemeId,
      referral_id: event.referralId,
      kind: event.kind,
      from_status: event.fromStatus ?? null,
      to_status: event.toStatus ?? null,
      actor_label: actorLabel(scope.actor),
      actor_id: actorId(scope.actor),
      reason: event.reason ?? null,
      code_system: event.coding?.system ?? null,
      code: event.coding?.code ?? null,
      code_display: event.coding?.display ?? null,
      detail: JSON.stringify(event.detail ?? {}),
      ...(event.occurredAt ? { occurred_at: event.occurredAt } : {}),
    })
    .execute();
}
