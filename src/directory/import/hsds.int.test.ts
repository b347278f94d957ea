import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/database.js';
import { loadServiceGraph } from '../store/read.js';
import { importHsds } from './hsds.js';
import { projectPath } from '../../project-path.js';

const PACKAGE = projectPath('..', 'shared', 'conformance/hsds/examples/csv');
const who = { userId: null, label: 'import: hsds test' };

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function changeRows(): Promise<number> {
  const row = await database.db.selectFrom('directory_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('HSDS tabular package import', () => {
  it('reports the broken rows with file and line, imports the rest, and changes nothing the second time', async () => {
    const report = await importHsds(database.db, PACKAGE, { who });
    // One organisation and one service are whole; every row hanging off the broken location or term is refused.
    expect(report).toMatchObject({ read: 19, created: 2, updated: 0, unchanged: 0 });
    const byFile = Object.fromEntries(report.rejected.map((r) => [r.file, r]));
    expect(Object.keys(byFile).sort()).toEqual([
      'accessibility.csv', 'addresses.csv', 'attributes.csv', 'contacts.csv', 'languages.csv', 'locations.csv', 'phones.csv',
      'schedules.csv', 'service_at_location.csv', 'taxonomy_terms.csv',
    ]);
    expect(byFile['locations.csv']).toEqual({
      record: 2, file: 'locations.csv', id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5',
      reason: 'organization_id 985e4a42-bd9f-4edc-911d-0243a4640aca: no organization with this id in the package',
    });
    expect(byFile['taxonomy_terms.csv']).toEqual({
      record: 2, file: 'taxonomy_terms.csv', id: '3f7b145d-84af-42d7-8fae-eaca714b02b2',
      reason: 'taxonomy_id 07ff6aee-a219-438c-b694-d2fcb6c5373b: no taxonomy with this id in the package',
    });
    expect(byFile['addresses.csv']?.reason).toBe('location_id 3a19ff88-4620-4d17-9830-ac1d859eb5d5: that location was refused (locations.csv line 2)');
    expect(byFile['contacts.csv']?.reason).toBe(
      'organization_id ae67a707-5893-4225-b0b1-320ab9cb596b: no organization with this id in the package; ' +
        'service_at_location_id 93eaf18d-1cd2-4ec7-bffb-3c9172ee5070: no service at location with this id in the package; ' +
        'location_id 3a19ff88-4620-4d17-9830-ac1d859eb5d5: that location was refused (locations.csv line 2)',
    );
    expect(byFile['attributes.csv']?.reason).toMatch(/^taxonomy_term_id 3f7b145d-84af-42d7-8fae-eaca714b02b2: that taxonomy term was refused \(taxonomy_terms\.csv line 2\); link_id f28dd44b-0c4d-479f-8e90-4c52219a8b3c: no service/);
    expect(report.warnings).toContain('datapackage.json is not valid JSON; the standard file names were used');
    expect(report.warnings).toContain('metadata.csv was not imported: Linkwell keeps its own change history');

    const g = await loadServiceGraph(database.db, 'ac148810-d857-441c-9679-408f346de14b');
    expect(g?.service).toMatchObject({ name: 'Community Counselling', alternate_name: 'MyCity Counselling Services', wait_time: 'wait_time', licenses: 'licences', source: 'hsds' });
    expect(g?.program?.name).toBe('Community Mental Health Support');
    expect(g?.costOptions.map((c) => [c.option, c.currency, Number(c.amount)])).toEqual([['Under 18s and Over 60s', 'gbp', 35]]);
    expect(g?.serviceAreas[0]?.description).toBe('The service is available to all residents of the MyCity area, including all postcodes starting with AB1, AB2, and AB3');
    expect(g?.requiredDocuments[0]?.document).toMatch(/^Any official identification document \(Passport, Driver's Licence, identity card\)/);
    expect(g?.fundings.map((f) => f.id)).toEqual(['1f2df32c-bf08-4b8e-bd6f-e834014b19bc']);
    expect(g?.serviceAtLocations).toEqual([]);
    expect(g?.organization).toMatchObject({ name: 'Example Organization Inc.', alternate_name: 'Example Org', year_incorporated: 2011, tax_status: 'tax_status' });
    const identifiers = await database.db.selectFrom('directory_organization_identifiers').select(['identifier_scheme', 'identifier_type', 'identifier']).execute();
    expect(identifiers).toEqual([{ identifier_scheme: 'GB-COH', identifier_type: 'Company number', identifier: '1234567' }]);

    const status = await database.db.selectFrom('directory_imports').select(['status', 'format', 'created_count', 'read_count']).where('id', '=', report.importId).executeTakeFirstOrThrow();
    expect(status).toEqual({ status: 'finished', format: 'hsds', created_count: 2, read_count: 19 });

    const changes = await changeRows();
    const again = await importHsds(database.db, PACKAGE, { who });
    expect(again).toMatchObject({ read: 19, created: 0, updated: 0, unchanged: 2 });
    expect(again.rejected).toHaveLength(10);
    expect(await changeRows()).toBe(changes);
  });
});
