import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { refreshSearchColumns } from './columns.js';
import { insertService, insertTerm } from './test-fixtures.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

describe(`search columns (${testBackend()})`, () => {
  it('are derived from the listing and its parts', async () => {
    const db = t.ctx.data.db;
    const activity = await insertTerm(db, 'Physical activity');
    const walking = await insertTerm(db, 'Walking', activity);
    const id = await insertService(db, {
      name: 'Tuesday walking group',
      description: 'A gentle stroll round the park',
      organizationName: 'Hyde Park Friends',
      point: { latitude: 53.81, longitude: -1.53 },
      sessions: [{ byday: 'TU', opensAt: '10:00:00', closesAt: '11:30:00' }],
      costs: [{ amount: 0 }],
      languages: ['Polish'],
      accessibility: ['Step-free access from the car park'],
      termIds: [walking],
    });
    const row = await db
      .selectFrom('directory_services')
      .select(['term_ids', 'language_codes', 'accessibility_features', 'free', 'open_hours', 'latitude', 'longitude', sql<string>`search_document::text`.as('doc')])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      language_codes: ['pl'],
      accessibility_features: ['step_free', 'parking'],
      free: true,
      open_hours: [210, 211],
      latitude: 53.81,
      longitude: -1.53,
    });
    expect([...row.term_ids].sort()).toEqual([activity, walking].sort());
    expect(row.doc).toContain("'walk':2A");
    expect(row.doc).toContain("'hyde':");
    expect(row.doc).toContain("'stroll':");
    const words = await db.selectFrom('directory_words').select('word').where('word', 'in', ['walking', 'stroll', 'hyde', 'physical', 'the']).orderBy('word').execute();
    // Attached terms' names are words; their parents' and stop words are not.
    expect(words.map((w) => w.word)).toEqual(['hyde', 'stroll', 'walking']);
    // Running it again changes nothing; unknown ids are ignored.
    await refreshSearchColumns(db, [id, '00000000-0000-4000-8000-000000000000']);
  });
});
