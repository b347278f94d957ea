import type { Actor, SchemeScope } from '../data/access.js';
import { forbidden } from '../errors.js';

/**
 * For reads that gather several people's measures, or a whole page of one person's, without a
 * record to check the caller against. An integration's rule ("people its organisation
 * referred") needs a target; asked without one, the policy answers "maybe", which here would
 * mean every person. Only signed-in staff get these; an integration reads responses one by one,
 * each checked against its organisation.
 */
export function requireStaff(scope: SchemeScope): Extract<Actor, { type: 'user' }> {
  const actor = scope.actor;
  if (actor.type !== 'user') throw forbidden();
  return actor;
}
