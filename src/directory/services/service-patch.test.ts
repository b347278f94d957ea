import { describe, expect, it } from 'vitest';
import type { ServiceUpdate } from '../../contracts/directory.js';
import type { ServiceGraph, TaxonomyTermRow } from '../model.js';
import { applyServicePatch, emptyServiceGraph, type PatchFacts } from './service-patch.js';

const ORG = {
  id: 'org-1', name: 'Riverside Age Friends', alternate_name: null, description: '', email: null, website: null, tax_status: null, tax_id: null,
  year_incorporated: null, legal_status: null, logo: null, uri: null, parent_organization_id: null, legal_form: null,
  safeguarding_policy_reviewed_on: null, insurance_expires_on: null, dbs_policy: null, quality_marks: [], source: 'linkwell' as const,
  extra: {}, version: 1, created_at: new Date(0), updated_at: new Date(0),
};

function facts(overrides: Partial<PatchFacts> = {}): PatchFacts {
  let n = 0;
  return { newId: () => `new-${++n}`, terms: new Map(), geocoded: null, locationShared: false, ...overrides };
}

function service(): ServiceGraph {
  return emptyServiceGraph('svc-1', ORG, 'Walk', new Date(0));
}

function applied(graph: ServiceGraph, patch: ServiceUpdate, f: PatchFacts = facts()): ServiceGraph {
  const result = applyServicePatch(graph, patch, f);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
}

describe('applyServicePatch', () => {
  it('changes only the fields named', () => {
    const before = { ...service(), service: { ...service().service, description: 'Kept', alert: 'Old' } };
    const after = applied(before, { alert: 'No walk on Boxing Day' });
    expect(after.service.alert).toBe('No walk on Boxing Day');
    expect(after.service.description).toBe('Kept');
    expect(after.service.name).toBe('Walk');
  });

  it('stores "free" as a cost option of 0, and removes it again', () => {
    const free = applied(service(), { free: true });
    expect(free.costOptions).toEqual([
      { id: 'new-1', service_id: 'svc-1', valid_from: null, valid_to: null, option: 'Free', currency: 'GBP', amount: '0', amount_description: null },
    ]);
    expect(applied(free, { free: true }).costOptions).toHaveLength(1);
    const paid = applied(free, { costOptions: [{ option: 'Per session', amount: 3, currency: 'GBP' }], free: false });
    expect(paid.costOptions.map((c) => [c.option, c.amount])).toEqual([['Per session', '3']]);
  });

  it('keeps the ids of schedules in the same place, so an unchanged form changes nothing', () => {
    const once = applied(service(), { schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '11:30' }] });
    expect(once.schedules[0]).toMatchObject({ id: 'new-1', byday: 'TU', freq: 'WEEKLY', opens_at: '10:00:00', closes_at: '11:30:00', service_id: 'svc-1' });
    const twice = applied(once, { schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '11:30' }] }, facts({ newId: () => 'should-not-be-used' }));
    expect(twice.schedules).toEqual(once.schedules);
  });

  it('maps the listing status onto HSDS, keeping defunct as it was', () => {
    expect(applied(service(), { status: 'paused' }).service.status).toBe('temporarily closed');
    expect(applied(service(), { status: 'closed' }).service.status).toBe('inactive');
    const defunct = { ...service(), service: { ...service().service, status: 'defunct' as const } };
    expect(applied(defunct, { status: 'closed' }).service.status).toBe('defunct');
  });

  it('clears the named contact with null', () => {
    const named = applied(service(), { namedContact: { name: 'Sue', role: 'Leader', email: 'sue@example.org', phone: null } });
    expect(named.service).toMatchObject({ named_contact_name: 'Sue', named_contact_role: 'Leader', named_contact_email: 'sue@example.org', named_contact_phone: null });
    expect(applied(named, { namedContact: null }).service).toMatchObject({ named_contact_name: null, named_contact_email: null });
  });

  it('places the service: given point, else the postcode’s; a shared place is not edited in place', () => {
    const location = { name: 'Moor', line1: 'Clarendon Road', city: 'Leeds', postcode: 'LS6 2AB', accessibility: ['Step-free access'] };
    const placed = applied(service(), { location }, facts({ geocoded: { latitude: 53.81, longitude: -1.54 } }));
    const first = placed.serviceAtLocations[0];
    expect(first?.location.location).toMatchObject({ name: 'Moor', latitude: 53.81, longitude: -1.54, organization_id: 'org-1' });
    expect(first?.location.addresses[0]).toMatchObject({ address_1: 'Clarendon Road', postal_code: 'LS6 2AB' });
    expect(first?.location.accessibility.map((a) => a.description)).toEqual(['Step-free access']);
    const moved = applied(placed, { location: { ...location, latitude: 53.8, longitude: -1.5 } }, facts({ newId: () => 'fresh', locationShared: true }));
    expect(moved.serviceAtLocations[0]?.location.location.id).toBe('fresh');
    expect(moved.serviceAtLocations[0]?.serviceAtLocation.id).toBe(first?.serviceAtLocation.id);
    expect(applied(placed, { location: null }).serviceAtLocations).toEqual([]);
  });

  it('attaches taxonomy terms it knows and reports the ones it does not', () => {
    const term: TaxonomyTermRow = { id: 'term-walk', code: null, name: 'Walking', description: '', parent_id: null, taxonomy: null, language: null, taxonomy_id: null, term_uri: null };
    const tagged = applied(service(), { taxonomyTermIds: ['term-walk'] }, facts({ terms: new Map([['term-walk', { term, taxonomy: null }]]) }));
    expect(tagged.attributes).toEqual([
      { attribute: { id: 'new-1', link_id: 'svc-1', taxonomy_term_id: 'term-walk', link_type: null, link_entity: 'service', value: null }, term, taxonomy: null },
    ]);
    const result = applyServicePatch(service(), { taxonomyTermIds: ['term-walk', 'nope'] }, facts({ terms: new Map([['term-walk', { term, taxonomy: null }]]) }));
    expect(result).toEqual({ ok: false, problems: [{ field: 'body.taxonomyTermIds.1', message: 'No such taxonomy term' }] });
  });

  it('refuses a session that ends before it starts, and ages the wrong way round with what is stored', () => {
    expect(applyServicePatch(service(), { schedules: [{ byday: 'MO', opensAt: '12:00', closesAt: '12:00' }] }, facts())).toEqual({
      ok: false,
      problems: [{ field: 'body.schedules.0.closesAt', message: 'The finishing time must be after the starting time' }],
    });
    const adults = applied(service(), { maximumAge: 30 });
    expect(applyServicePatch(adults, { minimumAge: 60 }, facts())).toEqual({
      ok: false,
      problems: [{ field: 'body.maximumAge', message: 'The youngest age must not be above the oldest' }],
    });
  });
});
