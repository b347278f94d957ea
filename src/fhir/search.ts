/**
 * Searches: Task (owner, status, focus, _lastUpdated), ServiceRequest (subject, status) and
 * Patient (identifier), as searchset Bundles with total and self/next/previous links. A client
 * sees only referrals its own organisation made; every search is filtered by that. The outcome
 * searches (QuestionnaireResponse, Observation) are in outcomes.ts and share the paging here.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { Bundle, Patient, Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors.js';
import type { SchemeScope } from '../data/access.js';
import type { DB, ReferralRow } from '../db/schema.js';
import { requestMeta } from '../http/request-context.js';
import { loadReferralSettings } from '../referrals/settings.js';
import { SEARCH_PARAMS } from './capability.js';
import { baseUrl, requireClient, sendJson, type ClientActor } from './http.js';
import type { OrganisationRef } from './mapping/references.js';
import { toServiceRequest } from './mapping/service-request.js';
import { referralStatusesFor, toTask } from './mapping/task.js';
import { fhirError } from './operation-outcome.js';
import { parseIfNoneExist, UUID } from './referral-command.js';
import { findPatient } from './create.js';
import { hostOrganisation, identifiersOf, organisationRef, readPatient } from './store.js';

export type SearchType = keyof typeof SEARCH_PARAMS;
type ReferralSearchType = 'Patient' | 'ServiceRequest' | 'Task';
type Filter = (eb: ExpressionBuilder<DB, 'referrals'>) => Expression<SqlBool>;
export type Params = Map<string, string[]>;

const DEFAULT_COUNT = 20;
const MAX_COUNT = 100;
const nothing: Filter = (eb) => eb.val(false);

/** Parameters of every interaction (http.html#parameters): accepted; the answer is JSON whatever they say. */
const FORMAT_PARAMS = ['_format', '_pretty'] as const;

export function readParams(request: FastifyRequest, type: SearchType): { params: Params; count: number; offset: number } {
  const params: Params = new Map();
  const allowed = new Set<string>([...SEARCH_PARAMS[type], '_count', '_offset', ...FORMAT_PARAMS]);
  for (const [key, raw] of Object.entries(request.query as Record<string, string | string[] | undefined>)) {
    if (raw === undefined) continue;
    if (!allowed.has(key)) throw fhirError(400, 'not-supported', `${type} cannot be searched by "${key}". Supported: ${[...allowed].join(', ')}.`, key);
    params.set(key, Array.isArray(raw) ? raw : [raw]);
  }
  for (const format of params.get('_format') ?? []) {
    if (!/json/i.test(format)) throw fhirError(406, 'not-supported', 'This server answers in JSON only (_format=json).', '_format');
  }
  const number = (name: string, fallback: number, max: number, cap: boolean): number => {
    const value = params.get(name)?.at(-1);
    if (value === undefined) return fallback;
    if (!/^\d{1,9}$/.test(value) || (!cap && Number(value) > max)) throw fhirError(400, 'invalid', `${name} must be a whole number from 0 to ${max}.`, name);
    // A server may return fewer than _count asks for (search.html#count), so a larger page is capped, not refused.
    return Math.min(Number(value), max);
  };
  return { params, count: number('_count', DEFAULT_COUNT, MAX_COUNT, true), offset: number('_offset', 0, 1_000_000, false) };
}

/** `Type/<uuid>`, `<uuid>` or `<base>/Type/<uuid>` → the id, else undefined (matches nothing). */
export function referenceId(value: string, type: string): string | undefined {
  const match = new RegExp(`(?:^|/)(?:${type}/)?([^/]+)$`).exec(value);
  const id = match?.[1];
  if (value.includes('/') && !value.includes(`${type}/`)) return undefined;
  return id && UUID.test(id) ? id.toLowerCase() : undefined;
}

function statusFilter(values: readonly string[], forType: (code: string) => Filter | undefined): Filter {
  const filters: Filter[] = [];
  for (const code of values.flatMap((v) => v.split(','))) {
    const filter = forType(code.trim());
    if (!filter) throw fhirError(400, 'code-invalid', `"${code}" is not a status that can be searched here.`, 'status');
    filters.push(filter);
  }
  return (eb) => eb.or(filters.map((f) => f(eb)));
}

const closedBy = (withdrawn: boolean): Filter => (eb) =>
  eb.and([eb('status', '=', 'closed'), withdrawn ? eb('closure_reason', '=', 'consent-withdrawn') : eb('closure_reason', 'is distinct from', 'consent-withdrawn')]);

function taskStatusFilter(code: string): Filter | undefined {
  const mapped = referralStatusesFor(code);
  if (!mapped) return undefined;
  if (mapped.statuses.length === 0) return nothing;
  if (mapped.consentWithdrawn !== undefined) return closedBy(mapped.consentWithdrawn);
  return (eb) => eb('status', 'in', mapped.statuses);
}

function serviceRequestStatusFilter(code: string): Filter | undefined {
  switch (code) {
    case 'active':
      return (eb) => eb('status', 'in', ['received', 'triaged', 'accepted', 'first_contact', 'active']);
    case 'completed':
      return closedBy(false);
    case 'revoked':
      return (eb) => eb.or([eb('status', 'in', ['declined', 'not_eligible', 'redirected']), closedBy(true)(eb)]);
    case 'draft':
    case 'on-hold':
    case 'entered-in-error':
    case 'unknown':
      return nothing;
    default:
      return undefined;
  }
}

/** A date or dateTime search value, with the precision it was given to (search.html#date). */
const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const DATE_PREFIX = /^(eq|ne|gt|lt|ge|le)?(.+)$/;

/**
 * The range [low, high) a search date stands for: `2026-01` is the whole of January 2026. Dates
 * without a time are UTC days. A time needs a time zone, as FHIR requires.
 */
export function dateRange(value: string): { low: Date; high: Date } | undefined {
  const m = DATE_VALUE.exec(value);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone] = m;
  const y = Number(year);
  let low: Date;
  let high: Date;
  if (hour !== undefined) {
    const text = `${year}-${month ?? ''}-${day ?? ''}T${hour}:${minute ?? ''}:${second ?? '00'}${fraction ?? ''}${zone ?? ''}`;
    low = new Date(text);
    const step = second === undefined ? 60_000 : fraction === undefined ? 1000 : Math.max(1, 10 ** (3 - (fraction.length - 1)));
    high = new Date(low.getTime() + step);
  } else if (day !== undefined) {
    low = new Date(Date.UTC(y, Number(month) - 1, Number(day)));
    high = new Date(Date.UTC(y, Number(month) - 1, Number(day) + 1));
    if (low.getUTCDate() !== Number(day)) return undefined;
  } else if (month !== undefined) {
    if (Number(month) < 1 || Number(month) > 12) return undefined;
    low = new Date(Date.UTC(y, Number(month) - 1, 1));
    high = new Date(Date.UTC(y, Number(month), 1));
  } else {
    low = new Date(Date.UTC(y, 0, 1));
    high = new Date(Date.UTC(y + 1, 0, 1));
  }
  return Number.isNaN(low.getTime()) || Number.isNaN(high.getTime()) ? undefined : { low, high };
}

/** `_lastUpdated=<prefix><date>`: each prefix compares the instant with the range the date stands for. */
function lastUpdatedFilter(value: string): Filter {
  const [, prefix = 'eq', date = ''] = DATE_PREFIX.exec(value) ?? [];
  const range = dateRange(date);
  if (!range) {
    throw fhirError(
      400,
      'invalid',
      '_lastUpdated must be a date (2026, 2026-01, 2026-01-31) or an instant with a time zone (2026-01-31T09:00:00Z), optionally after eq, ne, ge, le, gt or lt.',
      '_lastUpdated',
    );
  }
  const { low, high } = range;
  switch (prefix) {
    case 'ge':
      return (eb) => eb('updated_at', '>=', low);
    case 'gt':
      return (eb) => eb('updated_at', '>=', high);
    case 'le':
      return (eb) => eb('updated_at', '<', high);
    case 'lt':
      return (eb) => eb('updated_at', '<', low);
    case 'ne':
      return (eb) => eb.or([eb('updated_at', '<', low), eb('updated_at', '>=', high)]);
    default:
      return (eb) => eb.and([eb('updated_at', '>=', low), eb('updated_at', '<', high)]);
  }
}

async function searchReferrals(scope: SchemeScope, actor: ClientActor, filters: Filter[], count: number, offset: number): Promise<{ total: number; rows: ReferralRow[] }> {
  scope.authorize('referral', 'list');
  const all: Filter[] = [(eb) => eb('scheme_id', '=', scope.schemeId), (eb) => eb('referrer_organisation_id', '=', actor.organisationId), ...filters];
  const where = (eb: ExpressionBuilder<DB, 'referrals'>) => eb.and(all.map((f) => f(eb)));
  const total = await scope.db.selectFrom('referrals').select((eb) => eb.fn.countAll().as('n')).where(where).executeTakeFirstOrThrow();
  const rows = count === 0 ? [] : await scope.db.selectFrom('referrals').selectAll().where(where).orderBy('received_at', 'desc').orderBy('id').limit(count).offset(offset).execute();
  for (const row of rows) await scope.audit({ action: 'read', entityType: 'referral', entityId: row.id, detail: { via: 'fhir-search' } });
  return { total: Number(total.n), rows };
}

export function searchset(request: FastifyRequest, type: SearchType, params: Params, count: number, offset: number, total: number, resources: Resource[]): Bundle {
  const base = baseUrl(request);
  const link = (at: number) => {
    const query = new URLSearchParams();
    for (const [key, values] of params) if (key !== '_count' && key !== '_offset') for (const v of values) query.append(key, v);
    query.set('_count', String(count));
    query.set('_offset', String(at));
    return `${base}/${type}?${query.toString()}`;
  };
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total,
    link: [
      { relation: 'self', url: link(offset) },
      ...(count > 0 && offset + count < total ? [{ relation: 'next', url: link(offset + count) }] : []),
      ...(offset > 0 ? [{ relation: 'previous', url: link(Math.max(0, offset - Math.max(count, 1))) }] : []),
    ],
    // FHIR JSON has no empty arrays: a search that found nothing has no entry at all.
    ...(resources.length > 0
      ? { entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`, resource, search: { mode: 'match' as const } })) }
      : {}),
  };
}

export async function search(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, type: ReferralSearchType): Promise<FastifyReply> {
  const actor = requireClient(request);
  const { params, count, offset } = readParams(request, type);
  const bundle = await ctx.data.inScheme(actor, requestMeta(request), async (scope) => {
    if (type === 'Patient') {
      const values = params.get('identifier') ?? [];
      if (values.length !== 1) throw fhirError(400, 'required', 'Search Patients by one identifier=<system>|<value>.', 'identifier');
      const identifier = parseIfNoneExist(`identifier=${encodeURIComponent(values[0] ?? '')}`, 'identifier');
      const id = identifier ? await findPatient(scope, identifier) : undefined;
      const found = id ? await readPatientIfVisible(scope, id) : undefined;
      const page = found && offset === 0 && count > 0 ? [found] : [];
      return searchset(request, type, params, count, offset, found ? 1 : 0, page);
    }
    const host = await hostOrganisation(scope);
    const filters: Filter[] = [];
    if (type === 'Task') {
      for (const owner of params.get('owner') ?? []) if (referenceId(owner, 'Organization') !== host.id) filters.push(nothing);
      for (const focus of params.get('focus') ?? []) {
        const id = referenceId(focus, 'ServiceRequest');
        filters.push(id ? (eb) => eb('id', '=', id) : nothing);
      }
      for (const value of params.get('_lastUpdated') ?? []) filters.push(lastUpdatedFilter(value));
      const status = params.get('status');
      if (status) filters.push(statusFilter(status, taskStatusFilter));
    } else {
      for (const subject of params.get('subject') ?? []) {
        const id = referenceId(subject, 'Patient');
        filters.push(id ? (eb) => eb('person_id', '=', id) : nothing);
      }
      const status = params.get('status');
      if (status) filters.push(statusFilter(status, serviceRequestStatusFilter));
    }
    const { total, rows } = await searchReferrals(scope, actor, filters, count, offset);
    const resources = await toResources(scope, type, rows, host);
    return searchset(request, type, params, count, offset, total, resources);
  });
  return sendJson(reply, 200, bundle);
}

/** The Patient, or undefined when it is not the caller's to see. */
async function readPatientIfVisible(scope: SchemeScope, id: string): Promise<Patient | undefined> {
  try {
    return await readPatient(scope, id);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-found') return undefined;
    throw error;
  }
}

async function toResources(scope: SchemeScope, type: 'Task' | 'ServiceRequest', rows: readonly ReferralRow[], host: OrganisationRef): Promise<Resource[]> {
  const organisations = new Map<string, OrganisationRef | null>();
  const settings = type === 'ServiceRequest' ? await loadReferralSettings(scope) : undefined;
  const resources: Resource[] = [];
  for (const referral of rows) {
    const orgId = referral.referrer_organisation_id;
    if (orgId && !organisations.has(orgId)) organisations.set(orgId, await organisationRef(scope, orgId));
    const referrerOrganisation = orgId ? (organisations.get(orgId) ?? null) : null;
    if (type === 'Task') resources.push(toTask({ referral }, host, { referrerOrganisation }));
    else {
      const identifiers = await identifiersOf(scope, 'ServiceRequest', referral.id);
      resources.push(toServiceRequest({ referral }, { host, referrerOrganisation, needCategories: settings?.needCategories ?? [], identifiers }));
    }
  }
  return resources;
}
