import type { OrganizationDetail, ServiceDetail } from '../contracts/directory.js';
import { londonDate } from '../referrals/domain/working-days.js';
import { governanceWarnings } from './governance.js';
import { isStale, listingStatus, type ContactGraph, type LocationGraph, type OrganizationRow, type ScheduleRow, type ServiceGraph } from './model.js';
import { hoursMinutes, scheduleSummary } from './schedule-summary.js';

/**
 * Explicit views of the directory's graphs: every field a page or client receives is named
 * here, so nothing stored (source extras, user ids) leaves by accident.
 */

export interface ServiceViewContext {
  now: Date;
  staleAfterDays: number;
  schemeNote: ServiceDetail['schemeNote'];
  permissions: ServiceDetail['permissions'];
}

const RESPONSE_FIGURES_BASIS = 'Figures appear once onward referrals are made through Linkwell.';

function num(value: string | number | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

export function presentGovernance(org: OrganizationRow, now: Date) {
  return {
    legalForm: org.legal_form,
    qualityMarks: org.quality_marks,
    safeguardingPolicyReviewedOn: org.safeguarding_policy_reviewed_on,
    insuranceExpiresOn: org.insurance_expires_on,
    dbsPolicy: org.dbs_policy,
    governanceWarnings: governanceWarnings(
      { insuranceExpiresOn: org.insurance_expires_on, safeguardingPolicyReviewedOn: org.safeguarding_policy_reviewed_on },
      londonDate(now),
    ),
  };
}

function presentSchedule(row: ScheduleRow): ServiceDetail['schedules'][number] {
  const parts = { byday: row.byday, opensAt: row.opens_at, closesAt: row.closes_at, description: row.description };
  return { id: row.id, byday: row.byday, opensAt: hoursMinutes(row.opens_at), closesAt: hoursMinutes(row.closes_at), description: row.description, summary: scheduleSummary(parts) };
}

function presentLocation(graph: LocationGraph): ServiceDetail['locations'][number] {
  const address = graph.addresses.find((a) => a.address_type === 'physical') ?? graph.addresses[0];
  return {
    id: graph.location.id,
    name: graph.location.name,
    address: address ? { line1: address.address_1, line2: address.address_2, city: address.city, postcode: address.postal_code } : null,
    latitude: graph.location.latitude,
    longitude: graph.location.longitude,
    accessibility: graph.accessibility.map((a) => ({ description: a.description, details: a.details })),
    transportation: graph.location.transportation,
  };
}

function presentContact(graph: ContactGraph): ServiceDetail['contacts'][number] {
  return { name: graph.contact.name, title: graph.contact.title, email: graph.contact.email, phones: graph.phones.map((p) => p.number) };
}

/** Taking people now: running, not closed to new people until a later date, nobody waiting. */
function isAvailable(graph: ServiceGraph, today: string): boolean {
  const s = graph.service;
  if (listingStatus(s.status) !== 'active') return false;
  if (s.not_taking_until !== null && s.not_taking_until > today) return false;
  return (s.waitlist_count ?? 0) === 0;
}

export function presentService(graph: ServiceGraph, context: ServiceViewContext): ServiceDetail {
  const s = graph.service;
  const today = londonDate(context.now);
  const hasNamedContact = [s.named_contact_name, s.named_contact_role, s.named_contact_email, s.named_contact_phone].some((v) => v !== null);
  const costOptions = graph.costOptions.map((c) => ({ option: c.option, amount: num(c.amount), currency: c.currency, amountDescription: c.amount_description }));
  const schedules = [...graph.schedules, ...graph.serviceAtLocations.flatMap((sal) => sal.schedules)];
  return {
    id: s.id,
    version: s.version,
    name: s.name,
    alternateName: s.alternate_name,
    description: s.description,
    url: s.url,
    email: s.email,
    status: listingStatus(s.status),
    hsdsStatus: s.status,
    alert: s.alert,
    referralMode: s.referral_mode,
    namedContact: hasNamedContact
      ? { name: s.named_contact_name, role: s.named_contact_role, email: s.named_contact_email, phone: s.named_contact_phone }
      : null,
    capacity: { places: s.capacity_places, waitlist: s.waitlist_count, notTakingUntil: s.not_taking_until, available: isAvailable(graph, today) },
    fees: s.fees_description ?? s.fees,
    free: costOptions.some((c) => c.amount === 0),
    costOptions,
    eligibilityDescription: s.eligibility_description,
    minimumAge: num(s.minimum_age),
    maximumAge: num(s.maximum_age),
    applicationProcess: s.application_process,
    waitTime: s.wait_time,
    languages: graph.languages.map((l) => ({ name: l.name, code: l.code })),
    schedules: schedules.map(presentSchedule),
    locations: graph.serviceAtLocations.map((sal) => presentLocation(sal.location)),
    contacts: graph.contacts.map(presentContact),
    phones: graph.phones.map((p) => p.number),
    serviceAreas: graph.serviceAreas.flatMap((a) => {
      const label = a.name ?? a.description ?? a.extent;
      return label ? [label] : [];
    }),
    taxonomyTerms: graph.attributes.map((a) => ({ id: a.term.id, name: a.term.name, taxonomy: a.taxonomy?.name ?? a.term.taxonomy })),
    fundings: graph.fundings.flatMap((f) => (f.source ? [f.source] : [])),
    organization: { id: graph.organization.id, name: graph.organization.name, ...presentGovernance(graph.organization, context.now) },
    verification: {
      verifiedAt: s.verified_at?.toISOString() ?? null,
      verifiedBy: s.verified_by_name,
      stale: isStale(s.verified_at, context.now, context.staleAfterDays),
      staleAfterDays: context.staleAfterDays,
    },
    responseFigures: { medianDaysToRespond: null, shareAccepted: null, basis: RESPONSE_FIGURES_BASIS },
    schemeNote: context.schemeNote,
    permissions: context.permissions,
    lastModified: s.last_modified.toISOString(),
  };
}

export interface OrganizationServiceSummary {
  id: string;
  name: string;
  status: ServiceGraph['service']['status'];
  verifiedAt: Date | null;
}

export function presentOrganization(
  org: OrganizationRow,
  parts: { identifiers: { identifier_scheme: string | null; identifier_type: string; identifier: string }[]; services: OrganizationServiceSummary[] },
  context: { now: Date; staleAfterDays: number; edit: boolean },
): OrganizationDetail {
  return {
    id: org.id,
    version: org.version,
    name: org.name,
    description: org.description,
    email: org.email,
    website: org.website,
    ...presentGovernance(org, context.now),
    identifiers: parts.identifiers.map((i) => ({ scheme: i.identifier_scheme, type: i.identifier_type, identifier: i.identifier })),
    services: parts.services.map((s) => ({
      id: s.id,
      name: s.name,
      status: listingStatus(s.status),
      stale: isStale(s.verifiedAt, context.now, context.staleAfterDays),
      verifiedAt: s.verifiedAt?.toISOString() ?? null,
    })),
    permissions: { edit: context.edit },
  };
}
