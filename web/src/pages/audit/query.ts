import { auditQuery } from '../../../../src/contracts/admin.js';

/**
 * The audit page keeps its filters in the address, so a filtered view can be bookmarked,
 * shared with a colleague and paged with plain links; the CSV link reuses the same filters.
 */
export const AUDIT_ACTIONS = auditQuery.shape.action.unwrap().options;

export const FILTER_FIELDS = ['action', 'entityType', 'actorId', 'from', 'to'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
export type AuditFilters = Partial<Record<FilterField, string>>;

export function readFilters(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const field of FILTER_FIELDS) {
    const value = params.get(field)?.trim();
    if (value) filters[field] = value;
  }
  return filters;
}

export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Query string without the leading "?", empty values left out; page 1 is the default. */
export function filterQuery(filters: AuditFilters, page = 1, pageSize?: number): string {
  const params = new URLSearchParams();
  for (const field of FILTER_FIELDS) {
    const value = filters[field]?.trim();
    if (value) params.set(field, value);
  }
  if (page > 1) params.set('page', String(page));
  if (pageSize !== undefined) params.set('pageSize', String(pageSize));
  return params.toString();
}

export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}

/** Checks the server would also make, done first so the user gets the answer at once. */
export function filterErrors(filters: AuditFilters): Partial<Record<FilterField, string>> {
  const errors: Partial<Record<FilterField, string>> = {};
  const shape = auditQuery.shape;
  if (filters.entityType && !shape.entityType.safeParse(filters.entityType).success) {
    errors.entityType = 'Entity type must be lower case letters and underscores only, like referral';
  }
  if (filters.from && !shape.from.safeParse(filters.from).success) errors.from = 'Enter a real date for the start, like 2026-11-21';
  if (filters.to && !shape.to.safeParse(filters.to).success) errors.to = 'Enter a real date for the end, like 2026-11-21';
  if (filters.from && filters.to && !errors.from && !errors.to && filters.from > filters.to) {
    errors.to = 'The end date must be the same as or after the start date';
  }
  return errors;
}
