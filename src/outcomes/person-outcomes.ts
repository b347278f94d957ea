import type { PersonOutcomes } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { notFound } from '../errors.js';
import { loadOutcomeSettings, schemeMeasures } from './catalogue.js';
import { canSendBy, listLinksForPerson } from './links/links.js';
import { readPreferences } from './preferences.js';
import { dueForPerson } from './reminders/due.js';
import { responsesOf } from './responses/record.js';
import { answeredDefinition, presentResponse, storedScore } from './responses/present.js';
import { buildSeries, type CompletedResponse } from './series.js';
import { requireStaff } from './staff-only.js';
import { listStories } from './stories.js';

/**
 * Everything the person's outcomes page shows, read in one transaction and audited as one read:
 * their measures, scores over time with the change since baseline, what is due, the links sent,
 * how they want reminding and their stories.
 */
export async function getPersonOutcomes(scope: SchemeScope, personId: string, now: Date): Promise<PersonOutcomes> {
  // The page holds responses, links and stories: the caller must be allowed all three.
  scope.authorize('measure_response', 'list');
  scope.authorize('measure_link', 'list');
  scope.authorize('outcome_story', 'list');
  requireStaff(scope);
  const person = await scope.db
    .selectFrom('people')
    .select(['id', 'email', 'phone'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('The person');

  const measures = await schemeMeasures(scope);
  const rows = await responsesOf(scope, personId);
  const completed: CompletedResponse[] = rows.flatMap((row) => {
    const score = row.status === 'completed' ? storedScore(row.score) : null;
    if (!score || !row.completed_at) return [];
    return [{ id: row.id, measureKey: row.measure_key, referralId: row.referral_id, timepoint: row.timepoint, completedAt: row.completed_at, score, definition: answeredDefinition(row) }];
  });
  const result: PersonOutcomes = {
    personId,
    measures,
    responses: rows.map(presentResponse),
    series: buildSeries(measures, completed, (await loadOutcomeSettings(scope)).meaningfulChange),
    due: await dueForPerson(scope, personId, now),
    links: await listLinksForPerson(scope, personId),
    preferences: await readPreferences(scope, personId),
    stories: await listStories(scope, personId),
    canSendBy: canSendBy(person),
  };
  await scope.audit({
    action: 'read',
    entityType: 'person_outcomes',
    entityId: personId,
    detail: { responses: result.responses.length, stories: result.stories.length, links: result.links.length },
  });
  return result;
}
