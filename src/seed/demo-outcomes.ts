import type { CustomMeasureInput, MeasureAnswers, RecordResponseInput } from '../contracts/outcomes.js';
import type { Actor, DataAccess, SchemeScope } from '../data/access.js';
import type { JobQueue } from '../jobs/queue.js';
import { DEFAULT_OUTCOME_SETTINGS } from '../outcomes/catalogue.js';
import { sendMeasureLink } from '../outcomes/links/send-link.js';
import { updatePreferences } from '../outcomes/preferences.js';
import { recordResponse } from '../outcomes/responses/record.js';
import { createScale } from '../outcomes/scales.js';
import { updateOutcomeSettings } from '../outcomes/settings-service.js';
import { createStory } from '../outcomes/stories.js';

/**
 * Riverside's wellbeing measures, recorded through the same services as the web app, dated to
 * fit the referral story: Harold's baseline and closure scores (WEMWBS up 9 points, ONS4 bands
 * up) and his story, Frank's baselines including the scheme's own "Feeling connected" scale and
 * a PAM score, Grace's SWEMWBS baseline with her ONS4 baseline overdue and a link sent, and
 * Chloe's baselines due. The scheme adds its own scale to the schedule.
 */

type UserActor = Actor & { type: 'user' };
export interface OutcomeActors {
  sam: UserActor;
  jo: UserActor;
  manager: UserActor;
}

const DAY = 86_400_000;

/** Item values that add up to a chosen total, as evenly as the scale allows. */
export function answersSumming(itemKeys: readonly string[], total: number): MeasureAnswers {
  const base = Math.floor(total / itemKeys.length);
  const extra = total - base * itemKeys.length;
  const values: Record<string, number> = {};
  itemKeys.forEach((key, i) => (values[key] = base + (i < extra ? 1 : 0)));
  return { values, names: {} };
}

const WEMWBS_ITEMS = Array.from({ length: 14 }, (_, i) => `wemwbs_${i + 1}`);
const SWEMWBS_ITEMS = [1, 2, 3, 6, 7, 9, 11].map((n) => `wemwbs_${n}`);
const ons4 = (life: number, worthwhile: number, happiness: number, anxiety: number): MeasureAnswers => ({
  values: { life_satisfaction: life, worthwhile, happiness, anxiety },
  names: {},
});

export const FEELING_CONNECTED: CustomMeasureInput = {
  key: 'feeling-connected',
  name: 'Feeling connected (Riverside)',
  shortName: 'Connected',
  description: 'Riverside’s own three questions about contact with other people, asked at the start and at closure.',
  intro: 'Thinking about the last two weeks, how much do these describe you?',
  responses: [
    { value: 1, label: 'Not at all' },
    { value: 2, label: 'A little' },
    { value: 3, label: 'Somewhat' },
    { value: 4, label: 'Quite a lot' },
    { value: 5, label: 'Very much' },
  ],
  items: [
    { key: 'someone_to_talk_to', text: 'I have someone to talk to when I need to', type: 'choice', required: true },
    { key: 'out_and_about', text: 'I get out and about as much as I would like', type: 'choice', required: true },
    { key: 'part_of_community', text: 'I feel part of my community', type: 'choice', required: true },
  ],
  scoring: { rule: 'sum' },
  direction: 'higher-better',
  bands: [
    { label: 'Low', min: 3, max: 7 },
    { label: 'Some', min: 8, max: 11 },
    { label: 'Strong', min: 12, max: 15 },
  ],
  meaningfulChange: 3,
  selfCompletion: true,
};

async function caseOf(scope: SchemeScope, givenName: string, familyName: string): Promise<{ personId: string; referralId: string }> {
  const row = await scope.db
    .selectFrom('referrals as r')
    .innerJoin('people as p', (join) => join.onRef('p.scheme_id', '=', 'r.scheme_id').onRef('p.id', '=', 'r.person_id'))
    .select(['p.id as personId', 'r.id as referralId'])
    .where('r.scheme_id', '=', scope.schemeId)
    .where('p.given_name', '=', givenName)
    .where('p.family_name', '=', familyName)
    .executeTakeFirst();
  if (!row) throw new Error(`Demo case missing: ${givenName} ${familyName}`);
  return row;
}

export async function seedDemoOutcomes(data: DataAccess, jobs: JobQueue, actors: OutcomeActors, publicUrl: string): Promise<void> {
  const now = Date.now();
  const daysAgo = (days: number, hour = 11) => {
    const d = new Date(now - days * DAY);
    d.setUTCHours(hour, 0, 0, 0);
    return (d.getTime() > now ? new Date(now - 60_000) : d).toISOString();
  };

  // The scheme's own scale, measured at the start and at closure alongside the defaults.
  await data.inScheme(actors.manager, {}, async (scope) => {
    await createScale(scope, FEELING_CONNECTED);
    const { version, ...defaults } = DEFAULT_OUTCOME_SETTINGS;
    await updateOutcomeSettings(
      scope,
      { ...defaults, schedule: [...defaults.schedule, { measureKey: FEELING_CONNECTED.key, points: [{ kind: 'baseline' }, { kind: 'closure' }] }] },
      version,
    );
  });

  const record = (scope: SchemeScope, personId: string, input: RecordResponseInput) => recordResponse(scope, personId, input);

  // Harold: closed 20 days ago with goals met; first contact 75 days ago.
  await data.inScheme(actors.sam, {}, async (scope) => {
    const { personId, referralId } = await caseOf(scope, 'Harold', 'Jenkins');
    const base = { referralId, mode: 'with-worker' as const };
    await record(scope, personId, { ...base, measureKey: 'wemwbs', timepoint: 'baseline', answers: answersSumming(WEMWBS_ITEMS, 38), completedAt: daysAgo(75) });
    await record(scope, personId, { ...base, measureKey: 'ons4', timepoint: 'baseline', answers: ons4(4, 3, 5, 6), completedAt: daysAgo(75) });
    await record(scope, personId, { ...base, measureKey: 'wemwbs', timepoint: 'closure', answers: answersSumming(WEMWBS_ITEMS, 47), completedAt: daysAgo(20) });
    await record(scope, personId, { ...base, measureKey: 'ons4', timepoint: 'closure', answers: ons4(7, 8, 7, 3), completedAt: daysAgo(20) });
    await createStory(scope, personId, {
      referralId,
      story:
        'I used to sit in front of the telly all day and have a drink by four. Now I am at the garden on Tuesdays and Thursdays and the lads there rely on me to sort the compost. My wife says I am back to my old self.',
      consentToShare: true,
      deidentified:
        'A retired man who had stopped going out now volunteers twice a week at a community garden. He says the other volunteers rely on him, and his family say he is more like himself.',
    });
  });

  // Frank: in support; baselines at first contact 34 days ago, one from a paper form.
  await data.inScheme(actors.sam, {}, async (scope) => {
    const { personId, referralId } = await caseOf(scope, 'Frank', 'Morris');
    await record(scope, personId, { referralId, mode: 'with-worker', measureKey: 'swemwbs', timepoint: 'baseline', answers: answersSumming(SWEMWBS_ITEMS, 15), completedAt: daysAgo(34) });
    await record(scope, personId, { referralId, mode: 'paper', measureKey: 'ons4', timepoint: 'baseline', answers: ons4(5, 4, 4, 5), completedAt: daysAgo(34) });
    await record(scope, personId, {
      referralId,
      mode: 'with-worker',
      measureKey: 'feeling-connected',
      timepoint: 'baseline',
      answers: { values: { someone_to_talk_to: 2, out_and_about: 1, part_of_community: 2 }, names: {} },
      completedAt: daysAgo(34),
    });
    await record(scope, personId, {
      referralId,
      mode: 'with-worker',
      measureKey: 'concerns',
      timepoint: 'baseline',
      answers: {
        values: { concern_1: 5, concern_2: 4, wellbeing: 4 },
        names: { concern_1: 'Cannot video-call my grandchildren', concern_2: 'Feel cut off since I stopped driving' },
      },
      completedAt: daysAgo(34),
    });
    await record(scope, personId, { referralId, mode: 'external', measureKey: 'pam', timepoint: 'baseline', answers: { values: { pam_score: 47.2, pam_level: 2 }, names: {} }, completedAt: daysAgo(30) });
  });

  // Grace: first contact 21 days ago; SWEMWBS done, ONS4 baseline overdue, a link sent today.
  await data.inScheme(actors.jo, {}, async (scope) => {
    const { personId, referralId } = await caseOf(scope, 'Grace', 'Kim');
    await record(scope, personId, { referralId, mode: 'with-worker', measureKey: 'swemwbs', timepoint: 'baseline', answers: answersSumming(SWEMWBS_ITEMS, 13), completedAt: daysAgo(21) });
    await updatePreferences(scope, personId, { reminders: 'email' });
    await sendMeasureLink(scope, { jobs, config: { PUBLIC_URL: publicUrl, HOST: '127.0.0.1', PORT: 0 } }, { personId, referralId, measureKey: 'ons4', timepoint: 'baseline', channel: 'email' });
  });
}
