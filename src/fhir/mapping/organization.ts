import type { Organization } from '@medplum/fhirtypes';
import type { OrganisationKind } from '../../db/schema.js';
import { ODS_SYSTEM } from './codes.js';

const ORGANIZATION_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/organization-type';

/** Our kinds, with the R4 organization-type code where one means the same. */
const KINDS: Record<OrganisationKind, { label: string; code?: { code: string; display: string } }> = {
  gp_practice: { label: 'GP practice', code: { code: 'prov', display: 'Healthcare Provider' } },
  pcn: { label: 'Primary care network' },
  host: { label: 'Social prescribing service host' },
  vcse: { label: 'Voluntary, community or social enterprise organisation', code: { code: 'cg', display: 'Community Group' } },
  icb: { label: 'Integrated care board' },
  local_authority: { label: 'Local authority', code: { code: 'govt', display: 'Government' } },
  platform: { label: 'Platform' },
};

export interface OrganisationRowLike {
  id: string;
  kind: OrganisationKind;
  name: string;
  ods_code: string | null;
  parent_id: string | null;
}

/** Linkwell organisation → FHIR Organization (read-only). */
export function toOrganization(row: OrganisationRowLike): Organization {
  const kind = KINDS[row.kind];
  return {
    resourceType: 'Organization',
    id: row.id,
    ...(row.ods_code ? { identifier: [{ system: ODS_SYSTEM, value: row.ods_code }] } : {}),
    active: true,
    type: [{ ...(kind.code ? { coding: [{ system: ORGANIZATION_TYPE_SYSTEM, ...kind.code }] } : {}), text: kind.label }],
    name: row.name,
    ...(row.parent_id ? { partOf: { reference: `Organization/${row.parent_id}`, type: 'Organization' } } : {}),
  };
}
