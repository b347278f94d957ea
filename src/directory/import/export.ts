import type { Kysely } from 'kysely';
import { csvRow } from '../../audit/csv.js';
import { EXPORT_COLUMNS } from '../../contracts/directory-import.js';
import type { DB } from '../../db/schema.js';
import { listingStatus, type ServiceGraph } from '../model.js';
import { scheduleSummary } from '../schedule-summary.js';
import { loadServiceGraphs } from '../store/read.js';

/**
 * Every service in the directory, whatever its status, one spreadsheet row each: what a
 * commissioner or a link worker needs to see the whole directory at once. Cells that a
 * spreadsheet would run as a formula are defused by csvRow.
 */

const PAGE = 500;

function firstPlace(g: ServiceGraph) {
  for (const sal of g.serviceAtLocations) {
    const address = sal.location.addresses.find((a) => a.address_type === 'physical') ?? sal.location.addresses[0];
    if (address || sal.location.location.latitude !== null) return { location: sal.location.location, address };
  }
  return undefined;
}

function row(g: ServiceGraph, free: boolean): string {
  const s = g.service;
  const place = firstPlace(g);
  const address = place?.address ? [place.address.address_1, place.address.address_2, place.address.city].filter(Boolean).join(', ') : null;
  const schedules = [...g.schedules, ...g.serviceAtLocations.flatMap((sal) => sal.schedules)];
  const phone = g.phones[0]?.number ?? g.contacts.flatMap((c) => c.phones)[0]?.number ?? s.named_contact_phone;
  return csvRow([
    s.id,
    s.name,
    g.organization.name,
    listingStatus(s.status),
    s.referral_mode,
    address,
    place?.address?.postal_code ?? null,
    place?.location.latitude ?? null,
    place?.location.longitude ?? null,
    schedules.map((x) => scheduleSummary({ byday: x.byday, opensAt: x.opens_at, closesAt: x.closes_at, description: x.description, freq: x.freq })).join('; '),
    free ? 'yes' : 'no',
    s.minimum_age,
    s.maximum_age,
    g.languages.map((l) => l.name ?? l.code ?? '').filter(Boolean).join('; '),
    s.capacity_places,
    s.waitlist_count,
    s.not_taking_until,
    s.verified_at?.toISOString() ?? null,
    s.verified_by_name,
    s.url,
    s.email,
    phone,
  ]);
}

/** The whole directory as CSV, read a page of services at a time. Returns the text and the number of services. */
export async function exportDirectoryCsv(db: Kysely<DB>): Promise<{ csv: string; count: number }> {
  const parts: string[] = [csvRow([...EXPORT_COLUMNS])];
  let count = 0;
  let after: { name: string; id: string } | undefined;
  for (;;) {
    let query = db.selectFrom('directory_services').select(['id', 'name', 'free']).orderBy('name').orderBy('id').limit(PAGE);
    if (after) {
      const last = after;
      query = query.where((eb) => eb.or([eb('name', '>', last.name), eb.and([eb('name', '=', last.name), eb('id', '>', last.id)])]));
    }
    const page = await query.execute();
    if (page.length === 0) break;
    const free = new Map(page.map((p) => [p.id, p.free]));
    for (const graph of await loadServiceGraphs(db, page.map((p) => p.id))) parts.push(row(graph, free.get(graph.service.id) ?? false));
    count += page.length;
    const tail = page[page.length - 1];
    if (!tail || page.length < PAGE) break;
    after = { name: tail.name, id: tail.id };
  }
  return { csv: parts.join(''), count };
}
