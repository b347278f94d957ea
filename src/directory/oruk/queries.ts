/**
 * The ORUK API's reads. The API answers for the whole deployment, before any tenant is set, so
 * it reads the shared directory tables with the app role and learns which services are public
 * from linkwell_public_service_ids() alone (a service is public when at least one scheme lists
 * it publicly); it never reads a scheme table. Every query that reaches a service goes through
 * `isPublic`, and an organisation or a service-at-location is shown only through a public
 * service.
 *
 * Lists are ordered by name, then id, so pages are stable while the data stands still.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ServiceFilters, TaxonomyTermsQuery } from './contract.js';
import { offsetOf, type Paging } from './paging.js';

type Db = Kysely<DB>;

export interface IdPage<T = string> {
  total: number;
  ids: T[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids that are not UUIDs cannot name anything (and must not reach a uuid comparison). */
export const isUuid = (value: string): boolean => UUID.test(value);

function isPublic(column: 's.id' | 'p.id'): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} in (select service_id from linkwell_public_service_ids())`;
}

function matches(document: Expression<unknown>, query: string): Expression<SqlBool> {
  return sql<SqlBool>`${document} @@ websearch_to_tsquery('english', ${query})`;
}

const countOf = (row: { n: string | number | bigint } | undefined): number => Number(row?.n ?? 0);

/** The conditions on a service (aliased `s`) shared by /services and /service_at_locations. */
function serviceConditions(eb: ExpressionBuilder<DB & { s: DB['directory_services'] }, 's'>, filters: ServiceFilters): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [isPublic('s.id')];
  if (filters.search !== undefined) conditions.push(matches(sql.ref('s.search_document'), filters.search));
  if (filters.organization_id !== undefined) conditions.push(eb('s.organization_id', '=', filters.organization_id));
  if (filters.modified_after !== undefined) conditions.push(eb('s.last_modified', '>=', filters.modified_after));
  const termId = filters.taxonomy_term_id;
  if (termId !== undefined) {
    conditions.push(
      eb.exists(
        eb.selectFrom('directory_attributes as a').select('a.id').whereRef('a.link_id', '=', 's.id').where('a.taxonomy_term_id', '=', termId),
      ),
    );
  }
  const taxonomyId = filters.taxonomy_id;
  if (taxonomyId !== undefined) {
    conditions.push(
      eb.exists(
        eb
          .selectFrom('directory_attributes as a')
          .innerJoin('directory_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
          .select('a.id')
          .whereRef('a.link_id', '=', 's.id')
          .where('t.taxonomy_id', '=', taxonomyId),
      ),
    );
  }
  return eb.and(conditions);
}

export async function publicServicePage(db: Db, filters: ServiceFilters, paging: Paging): Promise<IdPage> {
  const base = db.selectFrom('directory_services as s').where((eb) => serviceConditions(eb, filters));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base.select('s.id').orderBy('s.name').orderBy('s.id').limit(paging.per_page).offset(offsetOf(paging)).execute(),
  ]);
  return { total: countOf(count), ids: rows.map((r) => r.id) };
}

export async function isPublicService(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('directory_services as s').select('s.id').where('s.id', '=', id).where(isPublic('s.id')).executeTakeFirst();
  return row !== undefined;
}

export async function publicServicesOf(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('directory_services as s')
    .select('s.id')
    .where('s.organization_id', '=', organizationId)
    .where(isPublic('s.id'))
    .orderBy('s.name')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => r.id);
}

export interface SalRef {
  id: string;
  serviceId: string;
}

export async function publicServiceAtLocationPage(db: Db, filters: ServiceFilters, paging: Paging): Promise<IdPage<SalRef>> {
  const base = db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_services as s', 's.id', 'sal.service_id')
    .where((eb) => serviceConditions(eb, filters));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base
      .select(['sal.id', 'sal.service_id'])
      .orderBy('s.name')
      .orderBy('s.id')
      .orderBy('sal.id')
      .limit(paging.per_page)
      .offset(offsetOf(paging))
      .execute(),
  ]);
  return { total: countOf(count), ids: rows.map((r) => ({ id: r.id, serviceId: r.service_id })) };
}

export async function publicServiceAtLocation(db: Db, id: string): Promise<SalRef | undefined> {
  const row = await db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_services as s', 's.id', 'sal.service_id')
    .select(['sal.id', 'sal.service_id'])
    .where('sal.id', '=', id)
    .where(isPublic('s.id'))
    .executeTakeFirst();
  return row ? { id: row.id, serviceId: row.service_id } : undefined;
}

/** Organisations with at least one public service. */
export async function publicOrganizationPage(db: Db, search: string | undefined, paging: Paging): Promise<IdPage> {
  const base = db
    .selectFrom('directory_organizations as o')
    .where((eb) =>
      eb.exists(eb.selectFrom('directory_services as p').select('p.id').whereRef('p.organization_id', '=', 'o.id').where(isPublic('p.id'))),
    )
    .$if(search !== undefined, (qb) =>
      qb.where(matches(sql`to_tsvector('english', o.name || ' ' || coalesce(o.alternate_name, '') || ' ' || o.description)`, search ?? '')),
    );
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base.select('o.id').orderBy('o.name').orderBy('o.id').limit(paging.per_page).offset(offsetOf(paging)).execute(),
  ]);
  return { total: countOf(count), ids: rows.map((r) => r.id) };
}

export async function isPublicOrganization(db: Db, id: string): Promise<boolean> {
  return (await publicServicesOf(db, id)).length > 0;
}

const taxonomyText = sql`to_tsvector('english', x.name || ' ' || x.description)`;
const termText = sql`to_tsvector('english', t.name || ' ' || t.description)`;

export async function taxonomyPage(db: Db, search: string | undefined, paging: Paging) {
  const base = db.selectFrom('directory_taxonomies as x').$if(search !== undefined, (qb) => qb.where(matches(taxonomyText, search ?? '')));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base.selectAll('x').orderBy('x.name').orderBy('x.id').limit(paging.per_page).offset(offsetOf(paging)).execute(),
  ]);
  return { total: countOf(count), rows };
}

export async function taxonomyWithTerms(db: Db, id: string) {
  const taxonomy = await db.selectFrom('directory_taxonomies').selectAll().where('id', '=', id).executeTakeFirst();
  if (!taxonomy) return undefined;
  const terms = await db.selectFrom('directory_taxonomy_terms').selectAll().where('taxonomy_id', '=', id).orderBy('name').orderBy('id').execute();
  return { taxonomy, terms };
}

export async function taxonomyTermPage(db: Db, query: TaxonomyTermsQuery) {
  const base = db
    .selectFrom('directory_taxonomy_terms as t')
    .$if(query.search !== undefined, (qb) => qb.where(matches(termText, query.search ?? '')))
    .$if(query.taxonomy_id !== undefined, (qb) => qb.where('t.taxonomy_id', '=', query.taxonomy_id ?? ''))
    .$if(query.parent_id !== undefined, (qb) => qb.where('t.parent_id', '=', query.parent_id ?? ''))
    .$if(query.top_only === true, (qb) => qb.where('t.parent_id', 'is', null));
  const [count, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst(),
    base.selectAll('t').orderBy('t.name').orderBy('t.id').limit(query.per_page).offset(offsetOf(query)).execute(),
  ]);
  return { total: countOf(count), rows };
}

export async function taxonomyTerm(db: Db, id: string) {
  return db.selectFrom('directory_taxonomy_terms').selectAll().where('id', '=', id).executeTakeFirst();
}
