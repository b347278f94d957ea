import { formatDistance } from '../../../../src/directory/geo/distance.js';
import { LISTING_STATUS_LABELS, LISTING_STATUSES } from '../../../../src/contracts/directory.js';
import type { TagView } from '../../components/Tag.js';
import { formatDateTime } from '../../format/text.js';
import { formatDate, plural } from '../referrals/labels.js';

/**
 * Words for directory listings, shared by the search results, the service page and the
 * organisation pages. Pure, so each wording is unit tested. Tags always carry words; colour only
 * supports them.
 */
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export function isListingStatus(value: string): value is ListingStatus {
  return (LISTING_STATUSES as readonly string[]).includes(value);
}

const STATUS_COLOURS: Record<ListingStatus, TagView['colour']> = { active: 'green', paused: 'yellow', closed: 'grey' };

export function listingStatusTag(status: string): TagView {
  if (!isListingStatus(status)) return { label: status, colour: 'grey' };
  return { label: LISTING_STATUS_LABELS[status], colour: STATUS_COLOURS[status] };
}

export interface CapacityView {
  places: number | null;
  waitlist: number | null;
  notTakingUntil: string | null;
  available: boolean;
}

/** "12 places free", "Not taking referrals until 3 January 2027", "3 people waiting", or null when nothing is recorded. */
export function capacityText(capacity: CapacityView): string | null {
  if (capacity.notTakingUntil !== null) return `Not taking referrals until ${formatDate(capacity.notTakingUntil)}`;
  const parts: string[] = [];
  if (capacity.places !== null) parts.push(capacity.places === 0 ? 'No places free' : `${plural(capacity.places, 'place', 'places')} free`);
  if (capacity.waitlist !== null && capacity.waitlist > 0) parts.push(`${plural(capacity.waitlist, 'person', 'people')} waiting`);
  return parts.length === 0 ? null : parts.join(', ');
}

/** A listing is "full" when it says so in figures: no places, people waiting, or a pause on referrals. */
export function isFull(capacity: CapacityView): boolean {
  return capacity.notTakingUntil !== null || capacity.places === 0 || (capacity.waitlist !== null && capacity.waitlist > 0);
}

/** "Last checked 12 March 2026 by Jo Bennett", or that it has never been checked. */
export function checkedText(verifiedAt: string | null, verifiedBy: string | null): string {
  if (verifiedAt === null) return 'Never checked by a link worker';
  const when = `Last checked ${formatDate(verifiedAt)}`;
  return verifiedBy === null ? when : `${when} by ${verifiedBy}`;
}

/** The stale tag's words: when it was last checked, so the reader can judge. */
export function staleTag(verifiedAt: string | null): TagView {
  return { label: verifiedAt === null ? 'Never checked' : `Not checked since ${formatDate(verifiedAt)}`, colour: 'orange' };
}

export interface ResultTagInput {
  status: string;
  free: boolean;
  stale: boolean;
  verifiedAt: string | null;
  referralMode: string;
  capacity: CapacityView;
}

/** The tags beside a listing's name, most important first. */
export function listingTags(listing: ResultTagInput): TagView[] {
  const tags: TagView[] = [];
  if (listing.status !== 'active') tags.push(listingStatusTag(listing.status));
  if (listing.stale) tags.push(staleTag(listing.verifiedAt));
  if (isFull(listing.capacity)) tags.push({ label: 'Full', colour: 'red' });
  if (listing.referralMode === 'signposting') tags.push({ label: 'Signposting only', colour: 'purple' });
  if (listing.free) tags.push({ label: 'Free', colour: 'aqua-green' });
  return tags;
}

export function referralModeText(mode: string): string {
  return mode === 'signposting'
    ? 'Signposting only: the person contacts the group themselves. The group does not take referrals.'
    : 'Takes referrals from link workers.';
}

/** "700 m away", "1.2 km away": the same words as the search's own reasons. */
export function distanceText(km: number | null): string | null {
  return km === null ? null : `${formatDistance(km)} away`;
}

/** "For ages 18 to 65", "For ages 50 and over", "For ages up to 25", or null. */
export function agesText(minimumAge: number | null, maximumAge: number | null): string | null {
  if (minimumAge !== null && maximumAge !== null) return `For ages ${minimumAge} to ${maximumAge}`;
  if (minimumAge !== null) return `For ages ${minimumAge} and over`;
  if (maximumAge !== null) return `For ages up to ${maximumAge}`;
  return null;
}

const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  alternate_name: 'Other name',
  description: 'Description',
  url: 'Website',
  email: 'Email',
  status: 'Status',
  alert: 'Notice',
  referral_mode: 'How to refer',
  named_contact: 'Named contact',
  capacity: 'Places',
  capacity_places: 'Places free',
  capacity_waitlist: 'People waiting',
  not_taking_until: 'Not taking referrals until',
  fees_description: 'Costs',
  fees: 'Costs',
  free: 'Free',
  cost_options: 'Cost options',
  eligibility_description: 'Who it is for',
  minimum_age: 'Youngest age',
  maximum_age: 'Oldest age',
  application_process: 'How to apply',
  languages: 'Languages',
  schedules: 'Sessions',
  location: 'Place',
  taxonomy_terms: 'Categories',
  verified_at: 'Last checked',
  waitlist_count: 'People waiting',
  named_contact_name: 'Named contact',
  named_contact_role: 'Named contact’s role',
  named_contact_email: 'Named contact’s email',
  named_contact_phone: 'Named contact’s phone',
  serviceAtLocations: 'Places',
  costOptions: 'Cost options',
  serviceAreas: 'Areas covered',
  requiredDocuments: 'Documents needed',
  attributes: 'Categories',
  contacts: 'Contacts',
  phones: 'Phone numbers',
  fundings: 'Funding',
  identifiers: 'Identifiers',
  programs: 'Programmes',
  program: 'Programme',
  legal_form: 'Legal form',
  quality_marks: 'Quality marks',
  safeguarding_policy_reviewed_on: 'Safeguarding policy reviewed',
  insurance_expires_on: 'Insurance valid until',
  dbs_policy: 'DBS checks',
  website: 'Website',
};

/** Parts of a listing the history records by how many there are, not by their content. */
const COLLECTIONS = new Set([
  'schedules',
  'serviceAtLocations',
  'costOptions',
  'contacts',
  'phones',
  'languages',
  'serviceAreas',
  'fundings',
  'requiredDocuments',
  'attributes',
  'identifiers',
  'programs',
  'program',
]);

/** Bookkeeping that means nothing to a reader of the history. */
const HIDDEN = new Set(['id', 'extra', 'source', 'organization_id', 'verified_by', 'verified_by_name', 'created_at', 'updated_at', 'last_modified', 'version']);

export interface FieldChangeView {
  field: string;
  from: unknown;
  to: unknown;
}

/** One change in words, or null when it is bookkeeping: "Sessions changed", "Status: active → inactive". */
export function changeLine(change: FieldChangeView): string | null {
  if (HIDDEN.has(change.field)) return null;
  const label = fieldLabel(change.field);
  if (COLLECTIONS.has(change.field)) {
    const from = Number(change.from ?? 0);
    const to = Number(change.to ?? 0);
    return from === to ? `${label} changed` : `${label} changed (${String(from)} before, ${String(to)} now)`;
  }
  return `${label}: ${changeValue(change.from)} → ${changeValue(change.to)}`;
}

/** A changed field's name in words; unknown names are spaced out rather than hidden. */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known !== undefined) return known;
  const words = field.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_.]+/g, ' ').trim().toLowerCase();
  return words === '' ? field : words.charAt(0).toUpperCase() + words.slice(1);
}

/** A history value in words: nothing, yes/no, text, or a short JSON summary for lists and objects. */
export function changeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'nothing';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2}))?$/.test(value)) return value.length === 10 ? formatDate(value) : formatDateTime(value);
    return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.length === 0) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 117)}…` : json;
}
