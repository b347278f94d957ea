import type { MeasureResponseDto, RecordResponseInput } from '../../contracts/outcomes.js';
import type { SchemeScope } from '../../data/access.js';
import type { MeasureResponseRow } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { personOfOrganisation } from '../../referrals/people.js';
import { requireMeasure } from '../catalogue.js';
import { presentResponse } from './present.js';
import { assertPersonAndReferral, insertCompletedResponse } from './store.js';

/** A link worker records a measure with the person, from a paper form, or as a licensed tool's score. */
export async function recordResponse(scope: SchemeScope, personId: string, input: RecordResponseInput): Promise<MeasureResponseDto> {
  scope.authorize('measure_response', 'create');
  // The person first: an unknown person is "not found" whatever the measure.
  await assertPersonAndReferral(scope, personId, input.referralId ?? null);
  const measure = await requireMeasure(scope, input.measureKey);
  const { id } = await insertCompletedResponse(scope, {
    personId,
    referralId: input.referralId ?? null,
    measure,
    timepoint: input.timepoint,
    mode: input.mode,
    answers: input.answers,
    ...(input.completedAt ? { completedAt: new Date(input.completedAt) } : {}),
  });
  return presentResponse(await fetchResponse(scope, id));
}

async function fetchResponse(scope: SchemeScope, id: string): Promise<MeasureResponseRow> {
  const row = await scope.db.selectFrom('measure_responses').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The response');
  return row;
}

/** One response. An integration sees only those of people its organisation referred. */
export async function getResponse(scope: SchemeScope, id: string): Promise<MeasureResponseDto> {
  scope.authorize('measure_response', 'read');
  const row = await fetchResponse(scope, id);
  const actor = scope.actor;
  if (actor.type === 'client') {
    const theirs = await personOfOrganisation(scope, row.person_id, actor.organisationId);
    scope.authorize('measure_response', 'read', theirs ? { organisationId: actor.organisationId } : {});
    // An integration sees what FHIR publishes: completed responses only, not one still with the person.
    if (row.status !== 'completed') throw notFound('The response');
  }
  await scope.audit({ action: 'read', entityType: 'measure_response', entityId: id, detail: { personId: row.person_id } });
  return presentResponse(row);
}

/** The person's responses that are done or under way, newest first (cancelled ones are left out). */
export async function responsesOf(scope: SchemeScope, personId: string): Promise<MeasureResponseRow[]> {
  return scope.db
    .selectFrom('measure_responses')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', personId)
    .where('status', 'in', ['completed', 'in-progress'])
    .orderBy((eb) => eb.fn.coalesce('completed_at', 'created_at'), 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
