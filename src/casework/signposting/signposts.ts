import { randomUUID } from 'node:crypto';
import type { Signpost, SignpostInput } from '../../contracts/onward.js';
import type { SchemeScope } from '../../data/access.js';
import type { Selectable } from 'kysely';
import type { SignpostsTable } from '../../db/schema-casework.js';
import { notFound, validationError } from '../../errors.js';
import { actorName, loadOpenCase } from '../case-row.js';

/**
 * Supported signposting: the link worker gave the person information and they act on it alone.
 * Nothing is shared with anyone, so no consent to share is asked; and it is kept in a table of its
 * own so that it can never be counted as an onward referral.
 */

type SignpostRow = Selectable<SignpostsTable>;

export function presentSignpost(row: SignpostRow): Signpost {
  return {
    id: row.id,
    referralId: row.referral_id,
    serviceId: row.service_id,
    serviceName: row.service_name,
    information: row.information,
    givenOn: row.given_on,
    createdBy: row.created_by_label,
  };
}

export async function listSignposts(scope: SchemeScope, referralId: string): Promise<Signpost[]> {
  scope.authorize('signpost', 'list');
  const rows = await scope.db
    .selectFrom('signposts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy('given_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(presentSignpost);
}

export async function recordSignpost(scope: SchemeScope, referralId: string, input: SignpostInput): Promise<Signpost> {
  scope.authorize('signpost', 'create');
  const caseRow = await loadOpenCase(scope, referralId);
  let serviceName = input.serviceName?.trim() ?? '';
  if (input.serviceId !== null) {
    const service = await scope.db.selectFrom('directory_services').select('name').where('id', '=', input.serviceId).executeTakeFirst();
    if (!service) throw notFound('The service');
    serviceName = service.name;
  }
  if (serviceName === '') {
    throw validationError([{ field: 'body.serviceName', message: 'Enter the name of the group or service the person was told about' }]);
  }
  const row = await scope.db
    .insertInto('signposts')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      referral_id: caseRow.id,
      person_id: caseRow.personId,
      service_id: input.serviceId,
      service_name: serviceName,
      information: input.information?.trim() || null,
      given_on: input.givenOn,
      created_by_label: actorName(scope),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'signpost', entityId: row.id, detail: { referralId, serviceId: input.serviceId } });
  return presentSignpost(row);
}
