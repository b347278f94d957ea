import type { OrganizationDetail, OrganizationUpdate } from '../../contracts/directory.js';
import type { SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';
import { changedBy, listingTarget } from '../access.js';
import type { OrganizationRow } from '../model.js';
import { loadOrganizationGraphs } from '../store/read.js';
import { saveOrganization } from '../store/write.js';
import { getOrganization } from './organizations.js';

/** An organisation's own page: its details and governance, kept by the organisation or a manager. */

function applyOrganizationPatch(row: OrganizationRow, patch: OrganizationUpdate): OrganizationRow {
  const next = { ...row };
  if (patch.name !== undefined) next.name = patch.name;
  if (patch.description !== undefined) next.description = patch.description;
  if (patch.email !== undefined) next.email = patch.email;
  if (patch.website !== undefined) next.website = patch.website;
  if (patch.legalForm !== undefined) next.legal_form = patch.legalForm;
  if (patch.qualityMarks !== undefined) next.quality_marks = patch.qualityMarks;
  if (patch.safeguardingPolicyReviewedOn !== undefined) next.safeguarding_policy_reviewed_on = patch.safeguardingPolicyReviewedOn;
  if (patch.insuranceExpiresOn !== undefined) next.insurance_expires_on = patch.insuranceExpiresOn;
  if (patch.dbsPolicy !== undefined) next.dbs_policy = patch.dbsPolicy ?? null;
  return next;
}

export async function updateOrganization(scope: SchemeScope, id: string, patch: OrganizationUpdate, expectedVersion: number): Promise<OrganizationDetail> {
  scope.authorize('directory_organization', 'update');
  const [graph] = await loadOrganizationGraphs(scope.db, [id]);
  if (!graph) throw notFound('The organisation');
  scope.authorize('directory_organization', 'update', await listingTarget(scope, id));
  const saved = await saveOrganization(scope.db, { ...graph, organization: applyOrganizationPatch(graph.organization, patch) }, changedBy(scope), {
    kind: 'update',
    expectedVersion,
  });
  if (saved.outcome !== 'unchanged') {
    await scope.audit({ action: 'update', entityType: 'directory_organization', entityId: id, detail: { fields: Object.keys(patch), version: saved.version } });
  }
  return getOrganization(scope, id);
}
