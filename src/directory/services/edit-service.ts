import { randomUUID } from 'node:crypto';
import type { ServiceCreate, ServiceDetail, ServiceUpdate } from '../../contracts/directory.js';
import type { SchemeScope } from '../../data/access.js';
import { notFound, validationError } from '../../errors.js';
import { changedBy, listingTarget } from '../access.js';
import type { ServiceGraph, TaxonomyRow, TaxonomyTermRow } from '../model.js';
import { loadServiceGraph } from '../store/read.js';
import { saveService, serviceDifferences, type ServiceGraphInput } from '../store/write.js';
import { requireServiceGraph, serviceView } from './get-service.js';
import { applyServicePatch, emptyServiceGraph, type PatchFacts } from './service-patch.js';

/**
 * Creating and editing a listing from the service page. The whole service is loaded, the edit
 * applied to it, and the result handed to the directory writer, which records the version and
 * the history entry and refreshes the search columns in the same transaction.
 */

async function termsNamed(scope: SchemeScope, ids: readonly string[]): Promise<PatchFacts['terms']> {
  if (ids.length === 0) return new Map();
  const rows = await scope.db
    .selectFrom('directory_taxonomy_terms as t')
    .leftJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select([
      't.id', 't.code', 't.name', 't.description', 't.parent_id', 't.taxonomy', 't.language', 't.taxonomy_id', 't.term_uri',
      'x.id as x_id', 'x.name as x_name', 'x.description as x_description', 'x.uri as x_uri', 'x.version as x_version',
    ])
    .where('t.id', 'in', [...new Set(ids)])
    .execute();
  return new Map(
    rows.map((r) => {
      const term: TaxonomyTermRow = {
        id: r.id, code: r.code, name: r.name, description: r.description, parent_id: r.parent_id, taxonomy: r.taxonomy, language: r.language,
        taxonomy_id: r.taxonomy_id, term_uri: r.term_uri,
      };
      const taxonomy: TaxonomyRow | null =
        r.x_id === null || r.x_name === null ? null : { id: r.x_id, name: r.x_name, description: r.x_description ?? '', uri: r.x_uri, version: r.x_version };
      return [r.id, { term, taxonomy }];
    }),
  );
}

/** A place's point from the postcode directory, when loaded and the edit gave none. */
async function geocode(scope: SchemeScope, location: ServiceUpdate['location']): Promise<PatchFacts['geocoded']> {
  if (!location || (location.latitude !== undefined && location.latitude !== null)) return null;
  const compact = location.postcode.replace(/\s+/g, '');
  const postcode = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  const row = await scope.db.selectFrom('postcodes').select(['latitude', 'longitude']).where('postcode', '=', postcode).executeTakeFirst();
  return row ?? null;
}

async function isLocationShared(scope: SchemeScope, graph: ServiceGraph): Promise<boolean> {
  const first = graph.serviceAtLocations[0];
  if (!first) return false;
  const other = await scope.db
    .selectFrom('directory_service_at_locations')
    .select('id')
    .where('location_id', '=', first.location.location.id)
    .where('service_id', '!=', graph.service.id)
    .executeTakeFirst();
  return other !== undefined;
}

async function factsFor(scope: SchemeScope, graph: ServiceGraph, patch: ServiceUpdate): Promise<PatchFacts> {
  return {
    newId: randomUUID,
    terms: await termsNamed(scope, patch.taxonomyTermIds ?? []),
    geocoded: await geocode(scope, patch.location),
    locationShared: patch.location ? await isLocationShared(scope, graph) : false,
  };
}

/** The writer takes the organisation as a graph to upsert, or not at all: here it already exists. */
function writerInput(graph: ServiceGraph): ServiceGraphInput {
  const { organization: _existing, ...service } = graph;
  return service;
}

/** A change of status alone is its own kind in the history (opened, paused, closed), whatever else the form sent unchanged. */
function editKind(stored: ServiceGraph, next: ServiceGraph): 'status' | 'update' {
  const changed = serviceDifferences(stored, next);
  return changed.length === 1 && changed[0] === 'status' ? 'status' : 'update';
}

export async function updateService(scope: SchemeScope, id: string, patch: ServiceUpdate, expectedVersion: number): Promise<ServiceDetail> {
  scope.authorize('directory_service', 'update');
  const graph = await requireServiceGraph(scope, id);
  scope.authorize('directory_service', 'update', await listingTarget(scope, graph.organization.id));
  const result = applyServicePatch(graph, patch, await factsFor(scope, graph, patch));
  if (!result.ok) throw validationError(result.problems);
  const saved = await saveService(scope.db, writerInput(result.graph), changedBy(scope), { kind: editKind(graph, result.graph), expectedVersion });
  if (saved.outcome !== 'unchanged') {
    await scope.audit({ action: 'update', entityType: 'directory_service', entityId: id, detail: { fields: Object.keys(patch), version: saved.version } });
  }
  return serviceView(scope, await requireServiceGraph(scope, id));
}

export async function createService(scope: SchemeScope, input: ServiceCreate): Promise<ServiceDetail> {
  scope.authorize('directory_service', 'create');
  const { organizationId, name, ...fields } = input;
  const organization = await scope.db.selectFrom('directory_organizations').selectAll().where('id', '=', organizationId).executeTakeFirst();
  if (!organization) throw validationError([{ field: 'body.organizationId', message: 'No such organisation in the directory' }]);
  // Another organisation's listing is "not found" for a VCSE provider, as on every other route.
  scope.authorize('directory_service', 'create', await listingTarget(scope, organization.id));
  const id = randomUUID();
  const empty = emptyServiceGraph(id, organization, name, new Date());
  const patch: ServiceUpdate = { ...fields, name };
  const result = applyServicePatch(empty, patch, await factsFor(scope, empty, patch));
  if (!result.ok) throw validationError(result.problems);
  await saveService(scope.db, writerInput(result.graph), changedBy(scope), { kind: 'create' });
  await scope.audit({ action: 'create', entityType: 'directory_service', entityId: id });
  const created = await loadServiceGraph(scope.db, id);
  if (!created) throw notFound('The service');
  return serviceView(scope, created);
}
