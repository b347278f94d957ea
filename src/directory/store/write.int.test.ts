import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { openTestDatabase, type TestDatabase } from '../../testing/database.js';
import { loadServiceGraph } from './read.js';
import { saveOrganization, saveService, serviceDifferences, type DirectoryWriter, type ServiceGraphInput } from './write.js';

let database: TestDatabase;
const who: DirectoryWriter = { userId: null, label: 'test writer' };

const ORG = '11111111-1111-4111-8111-111111111111';
const SERVICE = '22222222-2222-4222-8222-222222222222';
const LOCATION = '33333333-3333-4333-8333-333333333333';
const TERM = '44444444-4444-4444-8444-444444444444';
const TAXONOMY = '55555555-5555-4555-8555-555555555555';
const id = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

function walkingGroup(overrides: Partial<ServiceGraphInput> = {}): ServiceGraphInput {
  return {
    service: { id: SERVICE, organization_id: ORG, name: 'Tuesday walking group', status: 'active', description: 'Gentle walks in the park', minimum_age: '18', extra: { colour: 'green', nested: { b: 2, a: 1 } } },
    organization: { organization: { id: ORG, name: 'Green Shoots' }, identifiers: [{ id: id(90), identifier_type: 'Charity number', identifier: '1234567' }] },
    schedules: [
      { id: id(1), freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:30' },
      { id: id(2), freq: 'WEEKLY', byday: 'TH', opens_at: '10:00:00', closes_at: '11:30:00' },
    ],
    costOptions: [{ id: id(3), amount: '0', option: 'Free' }],
    contacts: [{ contact: { id: id(4), name: 'Sam' }, phones: [{ id: id(5), number: '0113 496 0000' }] }],
    languages: [{ id: id(6), code: 'en', name: 'English' }],
    serviceAtLocations: [
      {
        serviceAtLocation: { id: id(7) },
        location: {
          location: { id: LOCATION, name: 'Hyde Park gates', latitude: 53.81, longitude: -1.55 },
          addresses: [{ id: id(8), address_1: 'Clarendon Road', city: 'Leeds', postal_code: 'LS2 9NH' }],
          accessibility: [{ id: id(9), description: 'Step-free paths' }],
        },
        schedules: [{ id: id(10), freq: 'WEEKLY', byday: 'TU', opens_at: '10:00' }],
      },
    ],
    attributes: [
      { attribute: { id: id(11) }, term: { id: TERM, name: 'Walking', code: 'walking' }, taxonomy: { id: TAXONOMY, name: 'Linkwell activities' } },
    ],
    ...overrides,
  };
}

async function changeCount(entityId: string): Promise<number> {
  const row = await database.db.selectFrom('directory_changes').select((eb) => eb.fn.countAll<number>().as('n')).where('entity_id', '=', entityId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('directory writer', () => {
  it('creates a service with its parts, then finds the same input unchanged', async () => {
    const created = await saveService(database.db, walkingGroup(), who, { kind: 'create', source: 'linkwell' });
    expect(created).toMatchObject({ outcome: 'created', version: 1, organization: 'created' });
    expect(await changeCount(SERVICE)).toBe(1);
    expect(await changeCount(ORG)).toBe(1);

    const graph = await loadServiceGraph(database.db, SERVICE);
    expect(graph?.service.name).toBe('Tuesday walking group');
    expect(graph?.service.extra).toEqual({ colour: 'green', nested: { a: 1, b: 2 } });
    expect(graph?.schedules.map((s) => [s.byday, s.opens_at])).toEqual([['TU', '10:00:00'], ['TH', '10:00:00']]);
    expect(graph?.contacts[0]?.phones[0]?.number).toBe('0113 496 0000');
    expect(graph?.serviceAtLocations[0]?.location.addresses[0]?.postal_code).toBe('LS2 9NH');
    expect(graph?.serviceAtLocations[0]?.schedules).toHaveLength(1);
    expect(graph?.attributes[0]?.term.name).toBe('Walking');
    expect(graph?.attributes[0]?.taxonomy?.name).toBe('Linkwell activities');
    expect(graph?.organization.name).toBe('Green Shoots');

    const again = await saveService(database.db, walkingGroup(), who, { kind: 'import', source: 'linkwell' });
    expect(again).toEqual({ outcome: 'unchanged', version: 1, changes: {}, organization: 'unchanged' });
    expect(await changeCount(SERVICE)).toBe(1);
    expect(await changeCount(ORG)).toBe(1);
  });

  it('updates a field and records one change with the field and collection differences', async () => {
    const input = walkingGroup();
    input.service.name = 'Tuesday and Thursday walking group';
    input.schedules = [...(input.schedules ?? []), { id: id(12), freq: 'WEEKLY', byday: 'SA', opens_at: '09:00' }];
    const updated = await saveService(database.db, input, who, { kind: 'update', expectedVersion: 1 });
    expect(updated.outcome).toBe('updated');
    expect(updated.version).toBe(2);
    expect(updated.changes).toEqual({
      name: { from: 'Tuesday walking group', to: 'Tuesday and Thursday walking group' },
      schedules: { from: 2, to: 3 },
    });
    const history = await database.db.selectFrom('directory_changes').select(['version', 'kind', 'changes', 'changed_by_label']).where('entity_id', '=', SERVICE).orderBy('id').execute();
    expect(history.map((h) => [h.version, h.kind])).toEqual([[1, 'create'], [2, 'update']]);
    expect(history[1]?.changed_by_label).toBe('test writer');
    expect(history[1]?.changes).toEqual({ name: { from: 'Tuesday walking group', to: 'Tuesday and Thursday walking group' }, schedules: { from: 2, to: 3 } });
  });

  it('replaces child collections: missing rows go, a shared location stays', async () => {
    const input = walkingGroup({
      schedules: [{ id: id(1), freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' }],
      contacts: [],
      serviceAtLocations: [],
      languages: [{ id: id(13), code: 'ur', name: 'Urdu' }],
    });
    input.service.name = 'Tuesday and Thursday walking group';
    const result = await saveService(database.db, input, who, { kind: 'update' });
    expect(result.version).toBe(3);
    const graph = await loadServiceGraph(database.db, SERVICE);
    expect(graph?.schedules.map((s) => [s.id, s.closes_at])).toEqual([[id(1), '12:00:00']]);
    expect(graph?.contacts).toEqual([]);
    expect(graph?.serviceAtLocations).toEqual([]);
    expect(graph?.languages.map((l) => l.code)).toEqual(['ur']);
    // The phone went with its contact, the SAL's schedule with the SAL; the location is kept.
    expect(await database.db.selectFrom('directory_phones').select('id').where('id', '=', id(5)).execute()).toEqual([]);
    expect(await database.db.selectFrom('directory_schedules').select('id').where('id', '=', id(10)).execute()).toEqual([]);
    expect(await database.db.selectFrom('directory_locations').select('name').where('id', '=', LOCATION).execute()).toEqual([{ name: 'Hyde Park gates' }]);
    // Collections left out of the input are kept as they are.
    const kept = await saveService(database.db, { service: { id: SERVICE, organization_id: ORG, name: 'Tuesday and Thursday walking group', status: 'active' } }, who, { kind: 'update' });
    expect(kept.outcome).toBe('unchanged');
  });

  it('refuses a stale version with 412 and a duplicate create with 409, changing nothing', async () => {
    const before = await changeCount(SERVICE);
    const stale = saveService(database.db, walkingGroup({ service: { id: SERVICE, organization_id: ORG, name: 'Renamed', status: 'active' } }), who, { kind: 'update', expectedVersion: 1 });
    await expect(stale).rejects.toMatchObject({ kind: 'precondition-failed' });
    await expect(saveService(database.db, walkingGroup(), who, { kind: 'create' })).rejects.toBeInstanceOf(AppError);
    expect(await changeCount(SERVICE)).toBe(before);
    expect((await loadServiceGraph(database.db, SERVICE))?.service.name).toBe('Tuesday and Thursday walking group');
  });

  it('refuses a service whose organisation does not exist', async () => {
    const orphan = { service: { id: id(50), organization_id: id(51), name: 'Orphan', status: 'active' as const } };
    await expect(saveService(database.db, orphan, who, { kind: 'create' })).rejects.toMatchObject({ kind: 'validation' });
    expect(await loadServiceGraph(database.db, id(50))).toBeUndefined();
  });

  it('lets only one of two concurrent edits from the same version win', async () => {
    const current = (await loadServiceGraph(database.db, SERVICE))?.service.version ?? 0;
    const edit = (name: string) =>
      saveService(database.db, { service: { id: SERVICE, organization_id: ORG, name, status: 'active' } }, who, { kind: 'update', expectedVersion: current });
    const results = await Promise.allSettled([edit('First edit'), edit('Second edit')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason instanceof AppError && r.reason.kind === 'precondition-failed')).toHaveLength(1);
  });

  it('saves an organisation on its own, unchanged the second time', async () => {
    const org = { organization: { id: id(60), name: 'Riverside Befrienders', quality_marks: ['Trusted Charity'] }, identifiers: [] };
    expect(await saveOrganization(database.db, org, who, { kind: 'create' })).toEqual({ outcome: 'created', version: 1 });
    expect(await saveOrganization(database.db, org, who, { kind: 'update' })).toEqual({ outcome: 'unchanged', version: 1 });
    expect(await saveOrganization(database.db, { organization: { ...org.organization, name: 'Riverside Befriending' } }, who, { kind: 'update', expectedVersion: 1 })).toEqual({ outcome: 'updated', version: 2 });
  });

  it('records a status change as its own kind with a note; status and verify need an existing service', async () => {
    const stored = await loadServiceGraph(database.db, SERVICE);
    if (!stored) throw new Error('the walking group is missing');
    const paused = { ...stored, service: { ...stored.service, status: 'temporarily closed' as const } };
    expect(serviceDifferences(stored, stored)).toEqual([]);
    expect(serviceDifferences(stored, paused)).toEqual(['status']);
    expect(serviceDifferences(stored, { ...paused, service: { ...paused.service, name: 'Winter walks' }, schedules: [] }).sort()).toEqual(['name', 'schedules', 'status']);

    const saved = await saveService(database.db, { service: { id: SERVICE, organization_id: ORG, name: stored.service.name, status: 'temporarily closed' } }, who, { kind: 'status', note: 'Paused for the winter' });
    expect(saved.outcome).toBe('updated');
    const latest = await database.db.selectFrom('directory_changes').select(['kind', 'note', 'changes']).where('entity_id', '=', SERVICE).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(latest).toEqual({ kind: 'status', note: 'Paused for the winter', changes: { status: { from: 'active', to: 'temporarily closed' } } });

    const missing = { service: { id: id(70), organization_id: ORG, name: 'Nowhere', status: 'active' as const } };
    await expect(saveService(database.db, missing, who, { kind: 'status' })).rejects.toMatchObject({ kind: 'not-found' });
    await expect(saveService(database.db, missing, who, { kind: 'verify' })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('refreshes the search columns of every service using a term an import renames or moves', async () => {
    const org = { organization: { id: id(80), name: 'Craft Collective' } };
    const [first, second, third] = [id(81), id(82), id(83)];
    const knitting = (name: string) => [{ attribute: { id: id(84) }, term: { id: id(85), name }, taxonomy: null }];
    const walk = (serviceId: string, name: string, attributes: ServiceGraphInput['attributes']): ServiceGraphInput => ({
      service: { id: serviceId, organization_id: id(80), name, status: 'active' },
      organization: org,
      attributes,
    });
    const matches = async (word: string): Promise<string[]> => {
      const rows = await database.db
        .selectFrom('directory_services')
        .select('id')
        .where(sql<boolean>`search_document @@ to_tsquery('english', ${word})`)
        .where('id', 'in', [first, second, third])
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    };

    // Two services share the term "Knitting"; one import renames it while saving the first.
    await saveService(database.db, walk(first, 'Monday makers', knitting('Knitting')), who, { kind: 'import' });
    await saveService(database.db, walk(second, 'Thursday makers', [{ attribute: { id: id(86) }, term: { id: id(85), name: 'Knitting' }, taxonomy: null }]), who, { kind: 'import' });
    expect(await matches('knit')).toEqual([first, second]);
    await saveService(database.db, walk(first, 'Monday makers', knitting('Crochet')), who, { kind: 'import' });
    expect(await matches('crochet')).toEqual([first, second]);
    expect(await matches('knit')).toEqual([]);

    // A term moved under another parent: a service using a term beneath it gets the new ancestors.
    const [middle, leaf, oldRoot, newRoot] = [id(87), id(88), id(89), id(90)];
    const withMiddle = (parent: string) => [{ attribute: { id: id(91) }, term: { id: middle, name: 'Yarn crafts', parent_id: parent }, taxonomy: null }];
    await saveService(database.db, walk(first, 'Monday makers', withMiddle(oldRoot)), who, { kind: 'import' });
    await saveService(database.db, walk(third, 'Saturday spinners', [{ attribute: { id: id(92) }, term: { id: leaf, name: 'Spinning', parent_id: middle }, taxonomy: null }]), who, { kind: 'import' });
    const termIds = async (serviceId: string): Promise<string[]> =>
      [...(await database.db.selectFrom('directory_services').select('term_ids').where('id', '=', serviceId).executeTakeFirstOrThrow()).term_ids].sort();
    expect(await termIds(third)).toEqual([middle, leaf, oldRoot]);
    await saveService(database.db, walk(first, 'Monday makers', withMiddle(newRoot)), who, { kind: 'import' });
    expect(await termIds(third)).toEqual([middle, leaf, newRoot]);
  });
});
