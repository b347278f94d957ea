import { randomUUID } from 'node:crypto';
import type { DataAccess } from '../data/access.js';
import type { ServiceGraphInput } from '../directory/store/write.js';
import { saveOrganization, saveService } from '../directory/store/write.js';
import { LISTINGS, NEED_TERMS, ORGANIZATIONS, PLACES, RIVERSIDE_NEED_TERMS, type DemoListing, type NeedTerm } from './demo-directory-listings.js';

/**
 * The demo's community directory, written through the directory writer like any other edit, so
 * versions, history and search columns are exactly what the application itself would make.
 * Riverside gets its directory settings (need → terms, area, contact), public listings and a
 * few notes; its VCSE organisations are linked to their listings so their members can edit them.
 */

const DAY = 86_400_000;
const SEED = { userId: null, label: 'Demo seed' };

export interface DirectoryDemoOptions {
  riverside: string;
  hillside: string;
  /** Riverside's scheme organisations by name, to link VCSE ones to their listings. */
  schemeOrganisations: Record<string, string>;
  /** Who verified the listings (a Riverside link worker). */
  verifier: { userId: string; label: string };
  /** Riverside's manager, who publishes listings and writes notes. */
  managerUserId: string;
}

function isoDay(offsetDays: number, now: number): string {
  return new Date(now + offsetDays * DAY).toISOString().slice(0, 10);
}

/** A place is shared by the services that meet there: its rows keep one set of ids. */
interface PlaceIds {
  location: string;
  address: string;
  accessibility: string[];
}

function placeIds(): Map<string, PlaceIds> {
  return new Map(
    Object.entries(PLACES).map(([key, place]): [string, PlaceIds] => [
      key,
      { location: randomUUID(), address: randomUUID(), accessibility: (place.accessibility ?? []).map(() => randomUUID()) },
    ]),
  );
}

function serviceInput(listing: DemoListing, ids: { service: string; organization: string; places: Map<string, PlaceIds> }, terms: Map<NeedTerm, string>, taxonomyId: string, options: DirectoryDemoOptions, now: number): ServiceGraphInput {
  const verified = listing.verifiedDaysAgo === undefined || listing.verifiedDaysAgo === null ? null : new Date(now - listing.verifiedDaysAgo * DAY);
  const place = listing.place ? PLACES[listing.place] : undefined;
  const placeId = listing.place ? ids.places.get(listing.place) : undefined;
  const accessibility = place?.accessibility ?? [];
  return {
    service: {
      id: ids.service,
      organization_id: ids.organization,
      name: listing.name,
      description: listing.description,
      status: listing.status ?? 'active',
      alert: listing.alert ?? null,
      referral_mode: listing.referralMode ?? 'referrals',
      eligibility_description: listing.eligibility ?? null,
      minimum_age: listing.minimumAge === undefined ? null : String(listing.minimumAge),
      named_contact_name: listing.contact?.name ?? null,
      named_contact_role: listing.contact?.role ?? null,
      named_contact_email: listing.contact?.email ?? null,
      named_contact_phone: listing.contact?.phone ?? null,
      capacity_places: listing.capacity?.places ?? null,
      waitlist_count: listing.capacity?.waitlist ?? null,
      verified_at: verified,
      verified_by: verified ? options.verifier.userId : null,
      verified_by_name: verified ? options.verifier.label : null,
    },
    schedules: (listing.schedules ?? []).map((s) => ({
      id: randomUUID(),
      freq: s.monthly ? 'MONTHLY' : 'WEEKLY',
      byday: s.byday,
      opens_at: `${s.opens}:00`,
      closes_at: `${s.closes}:00`,
    })),
    costOptions:
      listing.cost === undefined
        ? []
        : [{ id: randomUUID(), option: listing.cost === 0 ? 'Free' : (listing.costLabel ?? 'Per session'), amount: String(listing.cost), currency: 'GBP' }],
    languages: (listing.languages ?? []).map((l) => ({ id: randomUUID(), code: l.code, name: l.name })),
    serviceAtLocations:
      place && placeId
        ? [
            {
              serviceAtLocation: { id: randomUUID() },
              location: {
                location: {
                  id: placeId.location, organization_id: ids.organization, name: place.name, latitude: place.latitude, longitude: place.longitude,
                  transportation: place.transportation ?? null,
                },
                addresses: [{ id: placeId.address, address_1: place.line1, city: 'Leeds', postal_code: place.postcode }],
                accessibility: accessibility.map((description, index) => ({ id: placeId.accessibility[index] ?? randomUUID(), description })),
              },
            },
          ]
        : [],
    attributes: listing.terms.map((name) => ({
      attribute: { id: randomUUID(), link_entity: 'service' },
      term: { id: terms.get(name) ?? '', name, taxonomy_id: taxonomyId, taxonomy: 'Linkwell needs' },
      taxonomy: { id: taxonomyId, name: 'Linkwell needs', description: 'What a service helps with, in the words of social prescribing.' },
    })),
  };
}

export async function seedDemoDirectory(data: DataAccess, options: DirectoryDemoOptions): Promise<{ services: number }> {
  const now = Date.now();
  const taxonomyId = randomUUID();
  const terms = new Map<NeedTerm, string>(NEED_TERMS.map((name) => [name, randomUUID()]));
  const places = placeIds();
  const orgIds = new Map<string, string>();
  const serviceIds = new Map<string, string>();

  await data.platform(async (tx) => {
    for (const org of ORGANIZATIONS) {
      const id = randomUUID();
      orgIds.set(org.key, id);
      await saveOrganization(
        tx,
        {
          organization: {
            id, name: org.name, description: org.description, email: org.email, website: org.website ?? null, legal_form: org.legalForm,
            quality_marks: org.qualityMarks ?? [], dbs_policy: org.dbsPolicy ?? null,
            safeguarding_policy_reviewed_on: org.safeguardingReviewedDaysAgo === undefined ? null : isoDay(-org.safeguardingReviewedDaysAgo, now),
            insurance_expires_on: org.insuranceExpiresInDays === undefined ? null : isoDay(org.insuranceExpiresInDays, now),
          },
          identifiers: org.charityNumber
            ? [{ id: randomUUID(), identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: org.charityNumber }]
            : [],
        },
        SEED,
        { kind: 'create' },
      );
    }
    for (const listing of LISTINGS) {
      const organization = orgIds.get(listing.org);
      if (!organization) throw new Error(`Demo directory organisation missing: ${listing.org}`);
      const id = randomUUID();
      serviceIds.set(listing.name, id);
      await saveService(tx, serviceInput(listing, { service: id, organization, places }, terms, taxonomyId, options, now), SEED, { kind: 'create' });
      if (listing.closedLater) {
        await saveService(tx, { service: { id, organization_id: organization, name: listing.name, status: 'inactive', alert: listing.closedLater } }, options.verifier, { kind: 'update' });
      }
    }
  });

  const termIds = (names: NeedTerm[]) => names.flatMap((name) => terms.get(name) ?? []);
  await data.inScheme({ type: 'system', schemeId: options.riverside, label: 'demo seed' }, {}, async (scope) => {
    await scope.db
      .insertInto('directory_settings')
      .values({
        scheme_id: options.riverside,
        stale_after_days: 365,
        need_terms: JSON.stringify(Object.fromEntries(Object.entries(RIVERSIDE_NEED_TERMS).map(([need, names]) => [need, termIds(names)]))),
        area_description: 'Inner north-west Leeds: Woodhouse, Hyde Park, Headingley, Meanwood, Chapel Allerton, Kirkstall and the city centre',
        area_latitude: 53.8008,
        area_longitude: -1.5491,
        area_radius_km: 12,
        contact_email: 'linkworkers@riverside.example.org',
        contact_phone: '0113 496 0000',
      })
      .execute();
    const rows = LISTINGS.flatMap((listing) => {
      const id = serviceIds.get(listing.name);
      return id
        ? [{ scheme_id: options.riverside, service_id: id, public: listing.public ?? true, note: listing.note ?? null, preferred: listing.preferred ?? false, updated_by: options.managerUserId }]
        : [];
    });
    await scope.db.insertInto('directory_scheme_services').values(rows).execute();
    for (const [name, key] of [['Green Shoots Community Garden', 'green-shoots'], ['Riverside Age Friends', 'age-friends'], ['Money Matters Advice Centre', 'money-matters']] as const) {
      const schemeOrganisation = options.schemeOrganisations[name];
      const directoryOrganization = orgIds.get(key);
      if (!schemeOrganisation || !directoryOrganization) continue;
      await scope.db.updateTable('organisations').set({ directory_organization_id: directoryOrganization }).where('id', '=', schemeOrganisation).execute();
    }
  });

  // Hillside works in another city: the reverse directory shows it only to groups near it.
  await data.inScheme({ type: 'system', schemeId: options.hillside, label: 'demo seed' }, {}, (scope) =>
    scope.db
      .insertInto('directory_settings')
      .values({
        scheme_id: options.hillside,
        area_description: 'Sheffield: Hillsborough and the north-west valleys',
        area_latitude: 53.4045,
        area_longitude: -1.5,
        area_radius_km: 10,
        contact_email: 'team@hillside.example.org',
        need_terms: JSON.stringify({}),
      })
      .execute(),
  );
  return { services: LISTINGS.length };
}
