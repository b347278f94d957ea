/**
 * The entries of a referral transaction Bundle, and references between them. Pure.
 *
 * A reference resolves, in order: a `urn:uuid:`/`urn:oid:` or absolute URL to the entry with
 * that fullUrl; a relative `Type/id` against the referring entry's fullUrl base (FHIR's rule),
 * then to an entry whose fullUrl ends in `/Type/id` or whose resource is that Type with that id;
 * failing those, to `Type/id` on this server (also when written as `<our base>/Type/id`).
 */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { FhirError, issue, type Issue } from './operation-outcome.js';

export const TRANSACTION_TYPES = ['Patient', 'ServiceRequest', 'Consent'] as const;
export type EntryType = (typeof TRANSACTION_TYPES)[number];

export interface TransactionEntry {
  index: number;
  type: EntryType;
  fullUrl: string | undefined;
  resource: Resource;
  ifNoneExist: string | undefined;
}

export type Resolved = { kind: 'entry'; entry: TransactionEntry } | { kind: 'server'; type: string; id: string } | { kind: 'unresolved' };

const LIMITS: Record<EntryType, { min: number; max: number }> = {
  Patient: { min: 0, max: 1 },
  ServiceRequest: { min: 1, max: 1 },
  Consent: { min: 0, max: 1 },
};

/** Checks the shape of the transaction: POSTs of a Patient, one ServiceRequest and a Consent. */
export function readEntries(bundle: Bundle): TransactionEntry[] {
  const issues: Issue[] = [];
  const entries: TransactionEntry[] = [];
  (bundle.entry ?? []).forEach((entry, index) => {
    const at = `Bundle.entry[${index}]`;
    const resource = entry.resource;
    if (!resource) {
      issues.push(issue('error', 'required', 'Each entry must carry a resource.', `${at}.resource`));
      return;
    }
    if (!(TRANSACTION_TYPES as readonly string[]).includes(resource.resourceType)) {
      issues.push(issue('error', 'not-supported', `A referral transaction holds a Patient, a ServiceRequest and a Consent; ${resource.resourceType} is not accepted.`, `${at}.resource`));
      return;
    }
    if (entry.request?.method !== 'POST') {
      issues.push(issue('error', 'not-supported', 'Only POST (create) is supported in a transaction.', `${at}.request.method`));
    }
    const url = entry.request?.url.replace(/^\//, '').split('?')[0];
    if (url !== resource.resourceType) {
      issues.push(issue('error', 'invalid', `request.url must be "${resource.resourceType}" for a create.`, `${at}.request.url`));
    }
    entries.push({ index, type: resource.resourceType as EntryType, fullUrl: entry.fullUrl, resource, ifNoneExist: entry.request?.ifNoneExist });
  });
  for (const [type, { min, max }] of Object.entries(LIMITS)) {
    const count = entries.filter((e) => e.type === type).length;
    if (count < min || count > max) {
      issues.push(issue('error', 'business-rule', `A referral transaction holds ${min === max ? 'exactly' : 'at most'} ${max} ${type} (this one has ${count}).`, 'Bundle.entry'));
    }
  }
  const fullUrls = entries.map((e) => e.fullUrl).filter((u): u is string => u !== undefined);
  if (new Set(fullUrls).size !== fullUrls.length) issues.push(issue('error', 'duplicate', 'Two entries share a fullUrl.', 'Bundle.entry'));
  if (issues.length > 0) throw new FhirError(400, issues);
  return entries;
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/;

export function resolveReference(reference: string, from: TransactionEntry, entries: readonly TransactionEntry[], base: string): Resolved {
  const byFullUrl = (url: string) => entries.find((e) => e.fullUrl === url);
  if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) {
    const entry = byFullUrl(reference);
    return entry ? { kind: 'entry', entry } : { kind: 'unresolved' };
  }
  if (/^https?:\/\//.test(reference)) {
    const entry = byFullUrl(reference);
    if (entry) return { kind: 'entry', entry };
    if (!reference.startsWith(`${base}/`)) return { kind: 'unresolved' };
    return resolveReference(reference.slice(base.length + 1), { ...from, fullUrl: undefined }, [], base);
  }
  const match = RELATIVE.exec(reference);
  if (!match?.[1] || !match[2]) return { kind: 'unresolved' };
  const [, type, id] = match;
  const plain = `${type}/${id}`;
  const fromBase = from.fullUrl && /^https?:\/\//.test(from.fullUrl) ? from.fullUrl.replace(/\/[A-Z][A-Za-z]+\/[^/]+$/, '') : undefined;
  const entry =
    (fromBase ? byFullUrl(`${fromBase}/${plain}`) : undefined) ??
    entries.find((e) => e.fullUrl?.endsWith(`/${plain}`)) ??
    entries.find((e) => e.resource.resourceType === type && e.resource.id === id);
  return entry ? { kind: 'entry', entry } : { kind: 'server', type, id };
}
