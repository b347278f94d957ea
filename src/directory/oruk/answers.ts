/**
 * What each ORUK endpoint answers: find the public ids (queries.ts), load the whole graphs with
 * the directory reader, present them. A record that is not public reads as not found, exactly
 * like one that does not exist.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import type { OrganizationGraph, ServiceGraph } from '../model.js';
import { loadOrganizationGraphs, loadServiceGraph, loadServiceGraphs } from '../store/read.js';
import type { ServicesQuery, TaxonomyTermsQuery } from './contract.js';
import type { OrukObject } from './fields.js';
import { pageOf, type Paging } from './paging.js';
import { organizationDetail, organizationSummary, taxonomy, taxonomyTerm } from './present-parts.js';
import { serviceAtLocationFull, serviceAtLocationSummary, serviceFull, serviceSummary } from './present-service.js';
import * as q from './queries.js';

type Db = Kysely<DB>;

async function organizationsById(db: Db, graphs: readonly ServiceGraph[]): Promise<Map<string, OrganizationGraph>> {
  const organizations = await loadOrganizationGraphs(db, [...new Set(graphs.map((g) => g.service.organization_id))]);
  return new Map(organizations.map((o) => [o.organization.id, o]));
}

async function presentServices(db: Db, ids: readonly string[], full: boolean): Promise<OrukObject[]> {
  const graphs = await loadServiceGraphs(db, ids);
  if (!full) return graphs.map(serviceSummary);
  const organizations = await organizationsById(db, graphs);
  return graphs.map((g) => serviceFull(g, organizations.get(g.service.organization_id)));
}

export async function servicePage(db: Db, query: ServicesQuery): Promise<OrukObject> {
  const found = await q.publicServicePage(db, query, query);
  return pageOf(query, found.total, await presentServices(db, found.ids, query.full === true));
}

export async function serviceById(db: Db, id: string): Promise<OrukObject> {
  if (!q.isUuid(id) || !(await q.isPublicService(db, id))) throw notFound('The service');
  const [full] = await presentServices(db, [id], true);
  if (!full) throw notFound('The service');
  return full;
}

export async function serviceAtLocationPage(db: Db, query: ServicesQuery): Promise<OrukObject> {
  const found = await q.publicServiceAtLocationPage(db, query, query);
  const graphs = new Map((await loadServiceGraphs(db, found.ids.map((r) => r.serviceId))).map((g) => [g.service.id, g]));
  const organizations = query.full === true ? await organizationsById(db, [...graphs.values()]) : new Map<string, OrganizationGraph>();
  const contents = found.ids.flatMap((ref): OrukObject[] => {
    const graph = graphs.get(ref.serviceId);
    const sal = graph?.serviceAtLocations.find((s) => s.serviceAtLocation.id === ref.id);
    if (!graph || !sal) return [];
    return [
      query.full === true
        ? serviceAtLocationFull(graph, sal, organizations.get(graph.service.organization_id))
        : serviceAtLocationSummary(graph, sal),
    ];
  });
  return pageOf(query, found.total, contents);
}

export async function serviceAtLocationById(db: Db, id: string): Promise<OrukObject> {
  const ref = q.isUuid(id) ? await q.publicServiceAtLocation(db, id) : undefined;
  const graph = ref ? await loadServiceGraph(db, ref.serviceId) : undefined;
  const sal = graph?.serviceAtLocations.find((s) => s.serviceAtLocation.id === id);
  if (!graph || !sal) throw notFound('The service at location');
  const [organization] = await loadOrganizationGraphs(db, [graph.service.organization_id]);
  return serviceAtLocationFull(graph, sal, organization);
}

export async function organizationPage(db: Db, query: Paging & { search?: string | undefined }): Promise<OrukObject> {
  const found = await q.publicOrganizationPage(db, query.search, query);
  const organizations = await loadOrganizationGraphs(db, found.ids);
  return pageOf(query, found.total, organizations.map((o) => organizationSummary(o.organization)));
}

export async function organizationById(db: Db, id: string, fullServices: boolean): Promise<OrukObject> {
  const serviceIds = q.isUuid(id) ? await q.publicServicesOf(db, id) : [];
  const [organization] = serviceIds.length > 0 ? await loadOrganizationGraphs(db, [id]) : [];
  if (!organization) throw notFound('The organization');
  const graphs = await loadServiceGraphs(db, serviceIds);
  const services = fullServices ? graphs.map((g) => serviceFull(g, organization)) : graphs.map(serviceSummary);
  return { ...organizationDetail(organization), services };
}

export async function taxonomyPage(db: Db, query: Paging & { search?: string | undefined }): Promise<OrukObject> {
  const found = await q.taxonomyPage(db, query.search, query);
  return pageOf(query, found.total, found.rows.map((row) => taxonomy(row)));
}

export async function taxonomyById(db: Db, id: string): Promise<OrukObject> {
  const found = q.isUuid(id) ? await q.taxonomyWithTerms(db, id) : undefined;
  if (!found) throw notFound('The taxonomy');
  return taxonomy(found.taxonomy, found.terms);
}

export async function taxonomyTermPage(db: Db, query: TaxonomyTermsQuery): Promise<OrukObject> {
  const found = await q.taxonomyTermPage(db, query);
  return pageOf(query, found.total, found.rows.map(taxonomyTerm));
}

export async function taxonomyTermById(db: Db, id: string): Promise<OrukObject> {
  const row = q.isUuid(id) ? await q.taxonomyTerm(db, id) : undefined;
  if (!row) throw notFound('The taxonomy term');
  return taxonomyTerm(row);
}
