import { randomUUID } from 'node:crypto';
import { domainAnswer, type Assessment, type AssessmentInput, type DomainAnswer, type NeedDomain } from '../../contracts/casework.js';
import type { SchemeScope } from '../../data/access.js';
import { validationError } from '../../errors.js';
import { actorName, actorUserId, loadCase, loadOpenCase } from '../case-row.js';
import { loadCaseworkSettings } from '../settings.js';
import { domainProblems } from './domains.js';

/**
 * "What matters to me". Versioned: a reassessment is a new row with the next number and the
 * earlier ones stay, so the person's journey can be read back in order.
 */

const COLUMNS = ['id', 'referral_id', 'number', 'what_matters', 'domains', 'assessed_on', 'created_by_label', 'created_at'] as const;

interface AssessmentRow {
  id: string;
  referral_id: string;
  number: number;
  what_matters: string;
  domains: unknown;
  assessed_on: string;
  created_by_label: string;
  created_at: Date;
}

function answersOf(value: unknown): DomainAnswer[] {
  return Array.isArray(value) ? value.flatMap((item) => domainAnswer.safeParse(item).data ?? []) : [];
}

export function presentAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    referralId: row.referral_id,
    number: row.number,
    whatMatters: row.what_matters,
    domains: answersOf(row.domains),
    assessedOn: row.assessed_on,
    createdBy: row.created_by_label,
    createdAt: row.created_at.toISOString(),
  };
}

/** The case's assessments, newest first, with the need domains in force. Closed cases stay readable. */
export async function listAssessments(scope: SchemeScope, referralId: string): Promise<{ assessments: Assessment[]; needDomains: NeedDomain[] }> {
  scope.authorize('assessment', 'read');
  const kase = await loadCase(scope, referralId);
  const rows = await scope.db
    .selectFrom('assessments')
    .select(COLUMNS)
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', kase.id)
    .orderBy('number', 'desc')
    .execute();
  await scope.audit({ action: 'read', entityType: 'assessment', entityId: kase.id, detail: { referralId: kase.id, count: rows.length } });
  return { assessments: rows.map(presentAssessment), needDomains: (await loadCaseworkSettings(scope)).effectiveNeedDomains };
}

export async function createAssessment(scope: SchemeScope, referralId: string, input: AssessmentInput): Promise<Assessment> {
  scope.authorize('assessment', 'create');
  // The case row lock queues two saves behind each other, so they take numbers 1 and 2.
  const kase = await loadOpenCase(scope, referralId);
  const problems = domainProblems(input.domains, (await loadCaseworkSettings(scope)).effectiveNeedDomains);
  if (problems.length > 0) throw validationError(problems);
  const previous = await scope.db
    .selectFrom('assessments')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', kase.id)
    .executeTakeFirst();
  const number = Number(previous?.last ?? 0) + 1;
  const row = await scope.db
    .insertInto('assessments')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      referral_id: kase.id,
      person_id: kase.personId,
      number,
      what_matters: input.whatMatters,
      domains: JSON.stringify(input.domains),
      assessed_on: input.assessedOn,
      created_by: actorUserId(scope),
      created_by_label: actorName(scope),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'assessment', entityId: row.id, detail: { referralId: kase.id, number } });
  return presentAssessment(row);
}
