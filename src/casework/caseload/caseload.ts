import { ruleFor } from '../../auth/policy.js';
import { LIVE_ONWARD_STATUSES, type ContactStatus } from '../../contracts/casework-codes.js';
import type { Caseload, CaseloadItem } from '../../contracts/casework.js';
import type { ReferralStatus } from '../../contracts/referral-codes.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { actorUserId } from '../case-row.js';
import { dnaStreak } from '../domain/repeated-dna.js';
import { compareCaseloadItems, nextActionFor } from './next-action.js';
import { presentAlert, presentTask, type AlertRow, type TaskRow } from './present.js';

/** On a caseload: accepted and not yet closed. */
export const OPEN_CASE_STATUSES = ['accepted', 'first_contact', 'active'] as const satisfies readonly ReferralStatus[];
const OPEN_GOAL_STATUSES = ['not_started', 'in_progress'] as const;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(key(row));
    if (list) list.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

/**
 * Whose caseload is asked for: the named worker, or the caller's own. A manager who names nobody
 * gets every open case in the scheme (null). A link worker naming someone else is told "not found".
 */
function caseloadOwner(scope: SchemeScope, workerId: string | undefined): string | null {
  const role = roleOf(scope.actor);
  const seesAll = role !== undefined && ruleFor(role, 'caseload', 'list') === 'allow';
  const owner = workerId ?? (seesAll ? null : actorUserId(scope));
  scope.authorize('caseload', 'list', owner === null ? undefined : { userId: owner });
  return owner;
}

export async function linkWorkerName(scope: SchemeScope, userId: string): Promise<string | null> {
  const row = await scope.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.display_name')
    .where('m.scheme_id', '=', scope.schemeId)
    .where('m.user_id', '=', userId)
    .where('m.role', '=', 'link_worker')
    .executeTakeFirst();
  return row?.display_name ?? null;
}

/**
 * A caseload: the open cases with what to do next, the open alerts on them and the worker's
 * open tasks. One query per kind of fact over all the cases, however many there are.
 */
export async function getCaseload(scope: SchemeScope, query: { workerId?: string | undefined }, now: Date = new Date()): Promise<Caseload> {
  const ownerId = caseloadOwner(scope, query.workerId);
  let worker: Caseload['worker'] = null;
  if (ownerId !== null) {
    const name = await linkWorkerName(scope, ownerId);
    if (name === null) throw notFound('The link worker');
    worker = { id: ownerId, name };
  }

  let casesQuery = scope.db
    .selectFrom('referrals as r')
    .innerJoin('people as p', (join) => join.onRef('p.scheme_id', '=', 'r.scheme_id').onRef('p.id', '=', 'r.person_id'))
    .leftJoin('users as u', 'u.id', 'r.link_worker_id')
    .select([
      'r.id',
      'r.reference',
      'r.person_id',
      'r.status',
      'r.link_worker_id',
      'r.allocated_at',
      'r.first_contact_due',
      'r.first_contact_at',
      'p.given_name',
      'p.family_name',
      'u.display_name as link_worker_name',
    ])
    .where('r.scheme_id', '=', scope.schemeId)
    .where('r.status', 'in', OPEN_CASE_STATUSES);
  if (ownerId !== null) casesQuery = casesQuery.where('r.link_worker_id', '=', ownerId);
  const cases = await casesQuery.execute();
  const ids = cases.map((c) => c.id);
  const facts = await caseFacts(scope, ids);
  const today = londonDate(now);

  const items: CaseloadItem[] = cases.map((c) => {
    const contacts = facts.contacts.get(c.id) ?? [];
    const lastContact = contacts.find((x) => x.status === 'attended' && x.scheduled_at.getTime() <= now.getTime());
    const openTasks = facts.openTasks.get(c.id) ?? [];
    const reviews = facts.goalReviews.get(c.id) ?? [];
    return {
      referralId: c.id,
      reference: c.reference,
      personId: c.person_id,
      personName: `${c.given_name} ${c.family_name}`,
      status: c.status,
      linkWorkerId: c.link_worker_id,
      linkWorker: c.link_worker_name,
      allocatedAt: c.allocated_at === null ? null : c.allocated_at.toISOString(),
      lastContactAt: lastContact ? lastContact.scheduled_at.toISOString() : null,
      nextAction: nextActionFor(
        {
          status: c.status,
          firstContactDue: c.first_contact_due,
          firstContactAt: c.first_contact_at,
          openTasks: openTasks.map((t) => ({ title: t.title, dueOn: t.due_on })),
          goalReviews: reviews.map((g) => ({ title: g.title, reviewDate: g.review_date })),
        },
        today,
      ),
      overdueReviews: reviews.filter((g) => g.review_date < today).length,
      openAlerts: facts.alerts.filter((a) => a.referral_id === c.id).length,
      dnaStreak: dnaStreak(contacts.map((x) => x.status)),
      liveOnwardReferrals: facts.liveOnward.get(c.id) ?? 0,
    };
  });
  items.sort(compareCaseloadItems);

  const counts: Record<string, number> = Object.fromEntries(OPEN_CASE_STATUSES.map((s) => [s, 0]));
  for (const item of items) counts[item.status] = (counts[item.status] ?? 0) + 1;
  const allOpenTasks = [...facts.openTasks.values()].flat();
  const tasks = (ownerId === null ? allOpenTasks : allOpenTasks.filter((t) => t.assignee_id === ownerId))
    .sort((a, b) => (a.due_on === b.due_on ? a.title.localeCompare(b.title, 'en-GB') : a.due_on < b.due_on ? -1 : 1))
    .map(presentTask);

  await scope.audit({ action: 'read', entityType: 'caseload', entityId: ownerId ?? undefined, detail: { count: items.length, referralIds: ids } });
  return { worker, counts, items, alerts: facts.alerts.map(presentAlert), tasks };
}

interface CaseFactSets {
  contacts: Map<string, { referral_id: string; status: ContactStatus; scheduled_at: Date }[]>;
  openTasks: Map<string, TaskRow[]>;
  goalReviews: Map<string, { referral_id: string; title: string; review_date: string }[]>;
  alerts: AlertRow[];
  liveOnward: Map<string, number>;
}

function openAlerts(scope: SchemeScope, ids: readonly string[]): Promise<AlertRow[]> {
  return scope.db
    .selectFrom('case_alerts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', 'in', ids)
    .where('resolved_at', 'is', null)
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .execute();
}

async function caseFacts(scope: SchemeScope, ids: readonly string[]): Promise<CaseFactSets> {
  if (ids.length === 0) return { contacts: new Map(), openTasks: new Map(), goalReviews: new Map(), alerts: [], liveOnward: new Map() };
  const contacts = await scope.db
    .selectFrom('contacts')
    .select(['referral_id', 'status', 'scheduled_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', 'in', ids)
    .orderBy('scheduled_at', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  const tasks = await scope.db
    .selectFrom('case_tasks')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', 'in', ids)
    .where('done_at', 'is', null)
    .execute();
  const goals = await scope.db
    .selectFrom('goals')
    .select(['referral_id', 'title', 'review_date'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', 'in', ids)
    .where('status', 'in', OPEN_GOAL_STATUSES)
    .where('review_date', 'is not', null)
    .execute();
  const alerts = await openAlerts(scope, ids);
  const onward = await scope.db
    .selectFrom('onward_referrals')
    .select((eb) => ['referral_id', eb.fn.countAll<number>().as('n')])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', 'in', ids)
    .where('status', 'in', LIVE_ONWARD_STATUSES)
    .groupBy('referral_id')
    .execute();
  const reviews = goals.flatMap((g) => (g.review_date === null ? [] : [{ referral_id: g.referral_id, title: g.title, review_date: g.review_date }]));
  return {
    contacts: groupBy(contacts, (c) => c.referral_id),
    openTasks: groupBy(tasks, (t) => t.referral_id),
    goalReviews: groupBy(reviews, (g) => g.referral_id),
    alerts,
    liveOnward: new Map(onward.map((o) => [o.referral_id, Number(o.n)])),
  };
}
