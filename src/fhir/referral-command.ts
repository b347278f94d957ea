/**
 * From mapped FHIR resources to the referral service's inputs, checked with the same Zod
 * contracts as the rest of the API, and every problem named by the FHIR element it came from.
 */
import type { FastifyRequest } from 'fastify';
import { personInput, type PersonInput } from '../contracts/people.js';
import { consentInput, type ConsentInput } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import type { AppContext } from '../app-context.js';
import type { CreateReferralCommand } from '../referrals/create-referral.js';
import type { ReferralDeps } from '../referrals/feedback.js';
import { loadReferralSettings } from '../referrals/settings.js';
import { normaliseNhsNumber } from '../referrals/domain/nhs-number.js';
import { NHS_NUMBER_SYSTEM } from './mapping/codes.js';
import type { ConsentMapping } from './mapping/consent.js';
import type { BusinessIdentifier, PatientMapping } from './mapping/patient.js';
import type { ServiceRequestFields } from './mapping/service-request.js';
import { fhirError, issue, issuesFromZod, type Issue } from './operation-outcome.js';

/** Rewrites a FHIRPath rooted at a resource type, e.g. for an entry of a Bundle. */
export type PathMapper = (path: string) => string;
export const asIs: PathMapper = (path) => path;
export const inEntry =
  (index: number): PathMapper =>
  (path) =>
    path.replace(/^[A-Z][A-Za-z]+/, `Bundle.entry[${index}].resource`);

function expressionMap(paths: Readonly<Record<string, string | undefined>>, at: PathMapper): Record<string, string> {
  const map: Record<string, string> = {};
  for (const [field, path] of Object.entries(paths)) if (path) map[field] = at(path);
  return map;
}

export function parsePerson(mapping: PatientMapping, at: PathMapper = asIs): { input?: PersonInput; issues: Issue[] } {
  const parsed = personInput.safeParse(mapping.input);
  return parsed.success ? { input: parsed.data, issues: [] } : { issues: issuesFromZod(parsed.error, expressionMap(mapping.paths, at)) };
}

export function parseConsent(mapping: ConsentMapping, at: PathMapper = asIs): { input?: ConsentInput; issues: Issue[] } {
  const parsed = consentInput.safeParse(mapping.input);
  return parsed.success ? { input: parsed.data, issues: [] } : { issues: issuesFromZod(parsed.error, expressionMap(mapping.paths, at)) };
}

/**
 * Reads an If-None-Exist search: only `identifier=system|value` is supported, which is what
 * makes a retried create safe.
 */
export function parseIfNoneExist(header: string | undefined, expression?: string): BusinessIdentifier | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const query = header.trim().replace(/^[A-Za-z]*\?/, '');
  const params = new URLSearchParams(query);
  const keys = [...params.keys()];
  const value = params.get('identifier');
  const bar = value?.indexOf('|') ?? -1;
  if (keys.length !== 1 || value === null || bar <= 0 || bar === value.length - 1) {
    throw fhirError(400, 'not-supported', 'If-None-Exist supports one search only: identifier=<system>|<value>.', expression);
  }
  const system = value.slice(0, bar);
  const raw = value.slice(bar + 1);
  return { system, value: system === NHS_NUMBER_SYSTEM ? (normaliseNhsNumber(raw) ?? raw) : raw };
}

/** Keeps the needs this scheme records; the rest are reported, and at least one must remain. */
export async function schemeNeeds(scope: SchemeScope, needs: readonly string[], expression: string): Promise<{ needs: string[]; issues: Issue[] }> {
  const settings = await loadReferralSettings(scope);
  const known = new Set(settings.needCategories.map((n) => n.code));
  const kept = needs.filter((n) => known.has(n));
  const issues = needs
    .filter((n) => !known.has(n))
    .map((n) => issue('warning', 'informational', `This scheme does not record the need "${n}", so it is not kept.`, expression));
  if (kept.length === 0) {
    throw fhirError(
      400,
      'business-rule',
      `None of the needs sent are ones this scheme records (${[...known].join(', ')}).`,
      expression,
    );
  }
  return { needs: kept, issues };
}

/** FHIR clients follow the Task for news of the referral, so no emails or letters are asked for. */
export function referralCommand(
  fields: ServiceRequestFields,
  needs: string[],
  person: CreateReferralCommand['person'],
  consent: ConsentInput | null,
): CreateReferralCommand {
  return {
    person,
    consent,
    reason: fields.reason,
    needs,
    personView: fields.personView,
    riskInfo: fields.riskInfo,
    urgency: fields.urgency,
    feedback: { milestones: [], channel: 'none' },
    exclusionsFlagged: [],
    referrer: fields.referrer,
    source: 'fhir',
  };
}

export const NO_CONSENT_WARNING = 'No Consent was sent: the referral is flagged "consent not recorded" until the link worker records it.';

export function referralDeps(ctx: AppContext): ReferralDeps {
  return { jobs: ctx.jobs, config: ctx.config };
}

/** `Patient/<uuid>` or `<base>/Patient/<uuid>` → the id; anything else → undefined. */
export function serverPatientId(reference: string, request: FastifyRequest): string | undefined {
  const base = `${request.protocol}://${request.host}/fhir/`;
  const relative = reference.startsWith(base) ? reference.slice(base.length) : reference;
  const match = /^Patient\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(relative);
  return match?.[1]?.toLowerCase();
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
