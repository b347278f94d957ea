import type { ServiceUpdate } from '../../contracts/directory.js';
import type { FieldProblem } from '../../errors.js';
import {
  hsdsStatus,
  type AttributeGraph,
  type CostOptionRow,
  type LanguageRow,
  type LocationGraph,
  type ScheduleRow,
  type ServiceAtLocationGraph,
  type ServiceGraph,
  type TaxonomyRow,
  type TaxonomyTermRow,
} from '../model.js';

/**
 * An edit from the service page applied to a loaded service: pure, so the rules (what "free"
 * means, how a schedule is stored, which ids are kept) are tested without a database. The
 * result is the whole service as it should be; the writer compares it with what is stored.
 * Children keep their ids where they stay in the same place, so saving an unchanged form
 * records no change.
 */

export interface PatchFacts {
  newId: () => string;
  /** Terms the edit names, looked up by the caller; a missing id is a field problem. */
  terms: Map<string, { term: TaxonomyTermRow; taxonomy: TaxonomyRow | null }>;
  /** The place's point when the edit gave none (from the postcode directory), or null. */
  geocoded: { latitude: number; longitude: number } | null;
  /** Whether the service's current place is shared with other services (then a new one is made). */
  locationShared: boolean;
}

export type PatchResult = { ok: true; graph: ServiceGraph } | { ok: false; problems: FieldProblem[] };

const FREE_OPTION = 'Free';

function scheduleRows(graph: ServiceGraph, input: NonNullable<ServiceUpdate['schedules']>, newId: () => string): ScheduleRow[] {
  return input.map((s, index): ScheduleRow => {
    const keep = graph.schedules[index];
    return {
      id: keep?.id ?? newId(),
      service_id: graph.service.id,
      location_id: null,
      service_at_location_id: null,
      valid_from: keep?.valid_from ?? null,
      valid_to: keep?.valid_to ?? null,
      dtstart: keep?.dtstart ?? null,
      timezone: keep?.timezone ?? null,
      until: keep?.until ?? null,
      count: keep?.count ?? null,
      wkst: keep?.wkst ?? null,
      freq: 'WEEKLY',
      interval: keep?.interval ?? null,
      byday: s.byday,
      byweekno: null,
      bymonthday: null,
      byyearday: null,
      description: s.description ?? null,
      opens_at: `${s.opensAt}:00`,
      closes_at: `${s.closesAt}:00`,
      schedule_link: keep?.schedule_link ?? null,
      attending_type: keep?.attending_type ?? null,
      notes: keep?.notes ?? null,
    };
  });
}

function costRows(graph: ServiceGraph, input: NonNullable<ServiceUpdate['costOptions']>, newId: () => string): CostOptionRow[] {
  return input.map((c, index) => {
    const keep = graph.costOptions[index];
    return {
      id: keep?.id ?? newId(),
      service_id: graph.service.id,
      valid_from: keep?.valid_from ?? null,
      valid_to: keep?.valid_to ?? null,
      option: c.option ?? null,
      currency: c.currency,
      amount: c.amount === undefined || c.amount === null ? null : String(c.amount),
      amount_description: c.amountDescription ?? null,
    };
  });
}

const isFreeOption = (c: CostOptionRow): boolean => c.amount !== null && Number(c.amount) === 0;

/** "Free" is a cost option of amount 0: HSDS has no free flag, and ORUK clients read cost options. */
function withFree(rows: CostOptionRow[], free: boolean, serviceId: string, newId: () => string): CostOptionRow[] {
  if (!free) return rows.filter((c) => !isFreeOption(c));
  if (rows.some(isFreeOption)) return rows;
  return [
    ...rows,
    { id: newId(), service_id: serviceId, valid_from: null, valid_to: null, option: FREE_OPTION, currency: 'GBP', amount: '0', amount_description: null },
  ];
}

function languageRows(graph: ServiceGraph, input: NonNullable<ServiceUpdate['languages']>, newId: () => string): LanguageRow[] {
  return input.map((l, index) => {
    const keep = graph.languages[index];
    return { id: keep?.id ?? newId(), service_id: graph.service.id, location_id: null, phone_id: null, name: l.name, code: l.code, note: keep?.note ?? null };
  });
}

const postcodeKey = (postcode: string): string => postcode.replace(/\s+/g, '').toUpperCase();

function locationGraph(
  current: ServiceAtLocationGraph | undefined,
  input: NonNullable<ServiceUpdate['location']>,
  graph: ServiceGraph,
  facts: PatchFacts,
): ServiceAtLocationGraph {
  const keep = current && !facts.locationShared ? current.location : undefined;
  const locationId = keep?.location.id ?? facts.newId();
  const oldAddress = keep?.addresses[0];
  // A form that sends no point keeps the stored one while the postcode stays the same: the stored
  // point may be a precise meeting place, and without a postcode directory there is no other.
  const samePostcode = oldAddress !== undefined && postcodeKey(oldAddress.postal_code) === postcodeKey(input.postcode);
  const stored =
    keep && keep.location.latitude !== null && keep.location.longitude !== null
      ? { latitude: keep.location.latitude, longitude: keep.location.longitude }
      : null;
  const point =
    input.latitude !== undefined && input.latitude !== null && input.longitude !== undefined && input.longitude !== null
      ? { latitude: input.latitude, longitude: input.longitude }
      : ((samePostcode ? stored : null) ?? facts.geocoded);
  const location: LocationGraph = {
    location: {
      ...(keep?.location ?? {
        id: locationId, location_type: 'physical' as const, url: null, alternate_name: null, description: null, external_identifier: null,
        external_identifier_type: null, extra: {},
      }),
      id: locationId,
      organization_id: keep?.location.organization_id ?? graph.organization.id,
      name: input.name ?? null,
      transportation: input.transportation ?? keep?.location.transportation ?? null,
      latitude: point?.latitude ?? null,
      longitude: point?.longitude ?? null,
    },
    addresses: [
      {
        id: oldAddress?.id ?? facts.newId(),
        location_id: locationId,
        attention: null,
        address_1: input.line1,
        address_2: input.line2 ?? null,
        city: input.city,
        region: oldAddress?.region ?? null,
        state_province: oldAddress?.state_province ?? '',
        postal_code: input.postcode,
        country: 'GB',
        address_type: 'physical',
      },
    ],
    accessibility: input.accessibility.map((description, index) => {
      const old = keep?.accessibility[index];
      return { id: old?.id ?? facts.newId(), location_id: locationId, description, details: old?.description === description ? old.details : null, url: null };
    }),
    phones: keep?.phones ?? [],
    languages: keep?.languages ?? [],
    schedules: keep?.schedules ?? [],
    contacts: keep?.contacts ?? [],
    attributes: keep?.attributes ?? [],
  };
  return {
    serviceAtLocation: { id: current?.serviceAtLocation.id ?? facts.newId(), service_id: graph.service.id, location_id: locationId, description: current?.serviceAtLocation.description ?? null },
    location,
    schedules: current?.schedules ?? [],
    contacts: current?.contacts ?? [],
    phones: current?.phones ?? [],
    attributes: current?.attributes ?? [],
  };
}

function attributeRows(graph: ServiceGraph, termIds: string[], facts: PatchFacts, problems: FieldProblem[]): AttributeGraph[] {
  const existing = new Map(graph.attributes.map((a) => [a.term.id, a]));
  return [...new Set(termIds)].flatMap((termId, index): AttributeGraph[] => {
    const kept = existing.get(termId);
    if (kept) return [kept];
    const known = facts.terms.get(termId);
    if (!known) {
      problems.push({ field: `body.taxonomyTermIds.${index}`, message: 'No such taxonomy term' });
      return [];
    }
    return [
      {
        attribute: { id: facts.newId(), link_id: graph.service.id, taxonomy_term_id: termId, link_type: null, link_entity: 'service', value: null },
        term: known.term,
        taxonomy: known.taxonomy,
      },
    ];
  });
}

function checkSchedules(input: NonNullable<ServiceUpdate['schedules']>, problems: FieldProblem[]): void {
  input.forEach((s, index) => {
    if (s.closesAt <= s.opensAt) problems.push({ field: `body.schedules.${index}.closesAt`, message: 'The finishing time must be after the starting time' });
  });
}

function ageProblem(min: string | number | null, max: string | number | null): FieldProblem | null {
  if (min === null || max === null) return null;
  return Number(min) > Number(max) ? { field: 'body.maximumAge', message: 'The youngest age must not be above the oldest' } : null;
}

export function applyServicePatch(graph: ServiceGraph, patch: ServiceUpdate, facts: PatchFacts): PatchResult {
  const problems: FieldProblem[] = [];
  const s = { ...graph.service };
  const set = <K extends keyof typeof s>(key: K, value: (typeof s)[K] | undefined): void => {
    if (value !== undefined) s[key] = value;
  };
  set('name', patch.name);
  set('alternate_name', patch.alternateName);
  set('description', patch.description);
  set('url', patch.url);
  set('email', patch.email);
  set('alert', patch.alert);
  set('referral_mode', patch.referralMode);
  set('fees_description', patch.fees);
  set('eligibility_description', patch.eligibilityDescription);
  set('application_process', patch.applicationProcess);
  if (patch.minimumAge !== undefined) s.minimum_age = patch.minimumAge === null ? null : String(patch.minimumAge);
  if (patch.maximumAge !== undefined) s.maximum_age = patch.maximumAge === null ? null : String(patch.maximumAge);
  const ages = ageProblem(s.minimum_age, s.maximum_age);
  if (ages) problems.push(ages);
  if (patch.status !== undefined) s.status = hsdsStatus(patch.status, graph.service.status);
  if (patch.namedContact !== undefined) {
    const c = patch.namedContact;
    s.named_contact_name = c?.name ?? null;
    s.named_contact_role = c?.role ?? null;
    s.named_contact_email = c?.email ?? null;
    s.named_contact_phone = c?.phone ?? null;
  }
  if (patch.capacity) {
    set('capacity_places', patch.capacity.places);
    set('waitlist_count', patch.capacity.waitlist);
    set('not_taking_until', patch.capacity.notTakingUntil);
  }

  let costOptions = patch.costOptions ? costRows(graph, patch.costOptions, facts.newId) : graph.costOptions;
  if (patch.free !== undefined) costOptions = withFree(costOptions, patch.free, s.id, facts.newId);
  if (patch.schedules) checkSchedules(patch.schedules, problems);
  const schedules = patch.schedules ? scheduleRows(graph, patch.schedules, facts.newId) : graph.schedules;
  const languages = patch.languages ? languageRows(graph, patch.languages, facts.newId) : graph.languages;
  let serviceAtLocations = graph.serviceAtLocations;
  if (patch.location === null) serviceAtLocations = [];
  else if (patch.location !== undefined) {
    const [first, ...rest] = graph.serviceAtLocations;
    serviceAtLocations = [locationGraph(first, patch.location, graph, facts), ...rest];
  }
  const attributes = patch.taxonomyTermIds ? attributeRows(graph, patch.taxonomyTermIds, facts, problems) : graph.attributes;
  if (problems.length > 0) return { ok: false, problems };

  return { ok: true, graph: { ...graph, service: s, costOptions, schedules, languages, serviceAtLocations, attributes } };
}

/** A new service's starting point: nothing but its id, organisation and name. */
export function emptyServiceGraph(id: string, organization: ServiceGraph['organization'], name: string, now: Date): ServiceGraph {
  return {
    service: {
      id, organization_id: organization.id, program_id: null, name, alternate_name: null, description: null, url: null, email: null,
      status: 'active', interpretation_services: null, application_process: null, fees_description: null, wait_time: null, fees: null,
      accreditations: null, eligibility_description: null, minimum_age: null, maximum_age: null, assured_date: null, assurer_email: null,
      licenses: null, alert: null, last_modified: now, referral_mode: 'referrals', named_contact_name: null, named_contact_role: null,
      named_contact_email: null, named_contact_phone: null, capacity_places: null, waitlist_count: null, not_taking_until: null,
      verified_at: null, verified_by: null, verified_by_name: null, source: 'linkwell', extra: {}, version: 1, created_at: now, updated_at: now,
    },
    organization,
    program: null,
    schedules: [],
    costOptions: [],
    contacts: [],
    phones: [],
    languages: [],
    serviceAreas: [],
    fundings: [],
    requiredDocuments: [],
    serviceAtLocations: [],
    attributes: [],
  };
}
