import type { ContactInput, GoalInput } from '../contracts/casework.js';
import type { OnwardEventInput, OnwardReferralInput } from '../contracts/onward.js';
import { loadConfig } from '../config/index.js';
import type { Actor, DataAccess, SchemeScope } from '../data/access.js';
import type { JobQueue } from '../jobs/queue.js';
import { resolveAlert } from '../casework/alerts/alerts.js';
import { createAssessment } from '../casework/assessment/assessments.js';
import { saveRegister } from '../casework/attendance/register.js';
import { raiseConcern } from '../casework/concerns/concerns.js';
import { createContact } from '../casework/contacts/service.js';
import { escalateScheme } from '../casework/lone-working/jobs.js';
import { acknowledge, checkIn } from '../casework/lone-working/service.js';
import { createOnwardReferral } from '../casework/onward/create.js';
import { linkWorkerOnwardEvent } from '../casework/onward/service.js';
import { runSchemeWindows } from '../casework/onward/windows.js';
import { createGoal, recordProgress } from '../casework/plan/goals.js';
import { providerOnwardEvent } from '../casework/provider/service.js';
import { recordSignpost } from '../casework/signposting/signposts.js';
import { applyReferralEvent } from '../referrals/transition-referral.js';

/**
 * Riverside's casework, recorded through the same services as the web app with a clock of its
 * own, so that the caseloads, plans, registers and alerts look as they would a few weeks in:
 * - Frank Morris (Sam): two assessments, a goal achieved and one with its review overdue, an
 *   accompanied first visit, attending the Friendship Lunch, on the choir's waiting list, and a
 *   befriending referral that got no reply in time.
 * - Grace Kim (Jo): a home visit whose check-in was missed and acknowledged, two missed calls, a
 *   carers' group she has not managed to attend (a non-attendance alert), a concern raised by
 *   the garden, a café that was full, a yoga class she withdrew from, and the Tuesday walk
 *   waiting for Sue Marshall at Riverside Age Friends to reply.
 * - Harold Jenkins (Sam): a goal achieved, the gardening mornings completed, the Men's Shed not
 *   for him; his case then closes with the referrer's feedback.
 * - Peter Novak (Sam): a home visit with an interpreter booked for tomorrow under lone working.
 * Chloe Barnes's case is left untouched for the browser journey.
 */

type UserActor = Actor & { type: 'user' };
export interface CaseworkActors {
  sam: UserActor;
  jo: UserActor;
  manager: UserActor;
  tom: UserActor;
  sue: UserActor;
}

const DAY = 86_400_000;
const MINUTE = 60_000;

async function caseOf(scope: SchemeScope, givenName: string, familyName: string): Promise<string> {
  const row = await scope.db
    .selectFrom('referrals as r')
    .innerJoin('people as p', (join) => join.onRef('p.scheme_id', '=', 'r.scheme_id').onRef('p.id', '=', 'r.person_id'))
    .select('r.id')
    .where('r.scheme_id', '=', scope.schemeId)
    .where('p.given_name', '=', givenName)
    .where('p.family_name', '=', familyName)
    .executeTakeFirst();
  if (!row) throw new Error(`Demo case missing: ${givenName} ${familyName}`);
  return row.id;
}

async function serviceId(scope: SchemeScope, name: string): Promise<string> {
  const row = await scope.db.selectFrom('directory_services').select('id').where('name', '=', name).executeTakeFirst();
  if (!row) throw new Error(`Demo service missing: ${name}`);
  return row.id;
}

export async function seedDemoCasework(data: DataAccess, jobs: JobQueue, actors: CaseworkActors, publicUrl: string): Promise<void> {
  const config = loadConfig({ PUBLIC_URL: publicUrl, LOG_LEVEL: 'silent' });
  const deps = { jobs, config };
  const started = Date.now();
  /** A past moment: so many days ago at a London-ish hour (UTC), never in the future. */
  const at = (daysAgo: number, hour = 10, minute = 0): Date => {
    const d = new Date(started - daysAgo * DAY);
    d.setUTCHours(hour, minute, 0, 0);
    return d.getTime() > started ? new Date(started - MINUTE) : d;
  };
  const day = (daysAgo: number): string => at(daysAgo).toISOString().slice(0, 10);
  const ahead = (days: number): string => new Date(started + days * DAY).toISOString().slice(0, 10);
  const as = <T>(actor: Actor, work: (scope: SchemeScope) => Promise<T>): Promise<T> => data.inScheme(actor, {}, work);

  const consentAt = (when: Date): OnwardReferralInput['consent'] => ({ agreed: true, givenBy: 'person', method: 'verbal', givenAt: when.toISOString() });
  const handover = (overrides: Partial<OnwardReferralInput['handover']> = {}): OnwardReferralInput['handover'] => ({
    firstContactBy: 'provider_contacts_person',
    linkWorkerStaysInvolved: true,
    mayReturn: true,
    returnUntil: ahead(90),
    reportNonAttendance: true,
    ...overrides,
  });
  const contact = (input: Partial<ContactInput> & Pick<ContactInput, 'mode' | 'status' | 'scheduledAt'>): ContactInput => ({
    durationMinutes: null,
    location: null,
    attendees: null,
    notes: null,
    expectedCheckInAt: null,
    ...input,
  });
  const goal = (input: Partial<GoalInput> & Pick<GoalInput, 'title'>): GoalInput => ({ domain: null, steps: [], targetDate: null, reviewDate: null, ...input });
  const reply = async (actor: Actor, id: string, version: number, event: OnwardEventInput['event'], when: Date, byProvider: boolean): Promise<void> => {
    await as(actor, async (scope) => {
      if (byProvider) await providerOnwardEvent(scope, deps, id, { event }, version, when);
      else await linkWorkerOnwardEvent(scope, id, { event }, version, when);
    });
  };

  // Frank Morris: first contact 34 days ago, in support from 30 days ago.
  await as(actors.sam, async (scope) => {
    const referralId = await caseOf(scope, 'Frank', 'Morris');
    const visit = await createContact(
      scope,
      referralId,
      contact({ mode: 'home_visit', status: 'booked', scheduledAt: at(34, 10).toISOString(), durationMinutes: 75, location: 'At home', expectedCheckInAt: at(34, 12).toISOString() }),
      at(36),
    );
    await checkIn(scope, deps, visit.id, { kind: 'safe' }, at(34, 11, 40));
    await createAssessment(scope, referralId, {
      whatMatters: 'Seeing my grandchildren’s faces, even if it is on a screen. Getting out of the house more than once a week.',
      domains: [
        { domain: 'loneliness', words: 'Since I stopped driving I only see people when my daughter rings.', priority: 'high', strengths: 'Neighbour Pat pops in; used to love a crossword at the library.' },
        { domain: 'digital-inclusion', words: 'The tablet my daughter sent is still in its box.', priority: 'high', strengths: 'Good with his hands; keen to learn.' },
      ],
      assessedOn: day(34),
    });
    const calls = await createGoal(
      scope,
      referralId,
      goal({
        title: 'Video-call my daughter in Australia every Sunday',
        domain: 'digital-inclusion',
        steps: [
          { text: 'Set up the tablet with his daughter’s number', owner: 'link_worker', done: true },
          { text: 'Practise a call every week with a volunteer', owner: 'person', done: false },
        ],
        targetDate: ahead(30),
        reviewDate: day(3),
      }),
      at(34, 11),
    );
    const out = await createGoal(scope, referralId, goal({ title: 'Get out to a social group once a week', domain: 'loneliness', reviewDate: day(7) }), at(34, 11));
    await recordProgress(scope, calls.id, { event: { type: 'start' }, personRating: 2 }, calls.version, at(30));
    await recordProgress(scope, out.id, { event: { type: 'start' } }, out.version, at(30));
    await recordProgress(scope, calls.id, { personRating: 6, note: 'Managed two calls on his own.' }, calls.version + 1, at(7));
    await recordProgress(scope, out.id, { event: { type: 'achieve' }, personRating: 9, note: 'Goes to the Friendship Lunch every week.' }, out.version + 1, at(7));
    await createContact(scope, referralId, contact({ mode: 'phone', status: 'attended', scheduledAt: at(20, 14).toISOString(), durationMinutes: 15 }), at(20, 15));
    await createContact(
      scope,
      referralId,
      contact({ mode: 'accompanied_first_visit', status: 'attended', scheduledAt: at(21, 12).toISOString(), durationMinutes: 90, location: 'Friendship Lunch, St Michael’s Church Hall', attendees: 'Frank, Sam, Sue Marshall' }),
      at(21, 15),
    );
    await recordSignpost(scope, referralId, { serviceId: null, serviceName: 'Age UK Leeds digital buddies', information: 'Gave him the leaflet and phone number; he will ring about home visits.', givenOn: day(28) });
  });
  const frankOnward = await as(actors.sam, async (scope) => {
    const referralId = await caseOf(scope, 'Frank', 'Morris');
    const lunch = await createOnwardReferral(
      scope,
      deps,
      referralId,
      { serviceId: await serviceId(scope, 'Friendship Lunch'), consent: consentAt(at(28)), handover: handover({ firstContactBy: 'link_worker_introduces' }), goalIds: [], needSummary: 'Would like company over a meal once a week; Sam will come along the first time.' },
      at(28),
    );
    const choir = await createOnwardReferral(
      scope,
      deps,
      referralId,
      { serviceId: await serviceId(scope, 'Sing for Wellbeing Choir'), consent: consentAt(at(10)), handover: handover({ linkWorkerStaysInvolved: false, reportNonAttendance: false }), goalIds: [], needSummary: 'Sang in a church choir for years and misses it.' },
      at(10),
    );
    const befriending = await createOnwardReferral(
      scope,
      deps,
      referralId,
      { serviceId: await serviceId(scope, 'Telephone Befriending'), consent: consentAt(at(25)), handover: handover(), goalIds: [], needSummary: 'A weekly phone call on the days he does not go out.' },
      at(25),
    );
    return { lunch, choir, befriending };
  });
  await reply(actors.sue, frankOnward.lunch.id, frankOnward.lunch.version, { type: 'accept', note: 'Lovely — see you Wednesday, Frank.' }, at(27), true);
  for (const daysAgo of [21, 14, 7]) {
    await as(actors.sue, (scope) =>
      saveRegister(scope, { serviceId: frankOnward.lunch.service.id, date: day(daysAgo), marks: [{ onwardReferralId: frankOnward.lunch.id, mark: 'attended' }] }, at(daysAgo, 15)),
    );
  }
  await reply(actors.sam, frankOnward.choir.id, frankOnward.choir.version, { type: 'waitlist', note: 'Choir leader rang: full until January.' }, at(8), false);

  await seedGrace(as, deps, { at, day, ahead, consentAt, handover, contact, goal, reply }, actors);
  await seedHarold(as, deps, { at, day, ahead, consentAt, handover, contact, goal, reply }, actors);

  // Peter Novak: the first home visit, with his interpreter, tomorrow under lone working.
  await as(actors.sam, async (scope) => {
    const referralId = await caseOf(scope, 'Peter', 'Novak');
    const tomorrow = new Date(started + DAY);
    tomorrow.setUTCHours(10, 0, 0, 0);
    await createContact(
      scope,
      referralId,
      contact({ mode: 'home_visit', status: 'booked', scheduledAt: tomorrow.toISOString(), durationMinutes: 60, location: 'At home', attendees: 'Peter, Sam, Polish interpreter', expectedCheckInAt: new Date(tomorrow.getTime() + 90 * MINUTE).toISOString() }),
      new Date(started),
    );
  });

  // The response window has passed for the befriending referral: it comes back to Sam.
  await as({ type: 'system', schemeId: actors.sam.schemeId, label: 'Onward referral windows' }, (scope) => runSchemeWindows(scope, deps, new Date(started)));
}

interface Helpers {
  at: (daysAgo: number, hour?: number, minute?: number) => Date;
  day: (daysAgo: number) => string;
  ahead: (days: number) => string;
  consentAt: (when: Date) => OnwardReferralInput['consent'];
  handover: (overrides?: Partial<OnwardReferralInput['handover']>) => OnwardReferralInput['handover'];
  contact: (input: Partial<ContactInput> & Pick<ContactInput, 'mode' | 'status' | 'scheduledAt'>) => ContactInput;
  goal: (input: Partial<GoalInput> & Pick<GoalInput, 'title'>) => GoalInput;
  reply: (actor: Actor, id: string, version: number, event: OnwardEventInput['event'], when: Date, byProvider: boolean) => Promise<void>;
}
type As = <T>(actor: Actor, work: (scope: SchemeScope) => Promise<T>) => Promise<T>;
type Deps = { jobs: JobQueue; config: ReturnType<typeof loadConfig> };

async function seedGrace(as: As, deps: Deps, h: Helpers, actors: CaseworkActors): Promise<void> {
  const { at, day, ahead } = h;
  const made = await as(actors.jo, async (scope) => {
    const referralId = await caseOf(scope, 'Grace', 'Kim');
    const visit = await createContact(
      scope,
      referralId,
      h.contact({ mode: 'home_visit', status: 'booked', scheduledAt: at(21, 10).toISOString(), durationMinutes: 60, location: 'At home', expectedCheckInAt: at(21, 11, 30).toISOString() }),
      at(23),
    );
    await createAssessment(scope, referralId, {
      whatMatters: 'Getting out of the house for myself, not just for Dad. Sleeping through the night.',
      domains: [
        { domain: 'carers', words: 'I do everything for Dad since his stroke. Nobody asks how I am.', priority: 'high', strengths: 'Brother lives nearby and offered to help on Tuesdays.' },
        { domain: 'loneliness', words: 'I have lost touch with my friends from work.', priority: 'medium', strengths: 'Still in a WhatsApp group with two of them.' },
        { domain: 'physical-activity', words: 'I used to walk everywhere.', priority: 'medium', strengths: 'Lives five minutes from Woodhouse Moor.' },
      ],
      assessedOn: day(21),
    });
    const time = await createGoal(
      scope,
      referralId,
      h.goal({
        title: 'Have two hours a week that are just for me',
        domain: 'carers',
        steps: [
          { text: 'Ask my brother to sit with Dad on Tuesday mornings', owner: 'person', done: true },
          { text: 'Find a carers’ group near home', owner: 'link_worker', done: true },
        ],
        targetDate: ahead(60),
        reviewDate: ahead(5),
      }),
      at(21, 11),
    );
    await createGoal(
      scope,
      referralId,
      h.goal({ title: 'Find out what help Dad can get so I can have a break', domain: 'carers', steps: [{ text: 'Ask the Carers Hub about a carer’s assessment', owner: 'together', done: false }], reviewDate: ahead(12) }),
      at(21, 11),
    );
    await recordProgress(scope, time.id, { event: { type: 'start' }, personRating: 3 }, time.version, at(18));
    for (const daysAgo of [14, 13]) {
      await createContact(scope, referralId, h.contact({ mode: 'phone', status: 'did_not_attend', scheduledAt: at(daysAgo, 13).toISOString() }), at(daysAgo, 14));
    }
    await createContact(scope, referralId, h.contact({ mode: 'phone', status: 'attended', scheduledAt: at(11, 9).toISOString(), durationMinutes: 20, notes: 'Dad was in hospital after a fall; she is coping.' }), at(11, 10));
    const onward = async (name: string, daysAgo: number, needSummary: string, extra: Partial<OnwardReferralInput> = {}) =>
      createOnwardReferral(scope, deps, referralId, { serviceId: await serviceId(scope, name), consent: h.consentAt(at(daysAgo)), handover: h.handover(), goalIds: [time.id], needSummary, ...extra }, at(daysAgo));
    return {
      visitId: visit.id,
      referralId,
      carers: await onward('Grow Together for Carers', 17, 'Time in the garden with other carers; she can come on Tuesday mornings when her brother sits with her father.', {
        risks: 'May have to leave suddenly if her father needs her.',
      }),
      cafe: await onward('Carers’ Café', 17, 'Meeting other carers once a month.'),
      yoga: await onward('Chair Yoga', 17, 'Something gentle to help her sleep.'),
      walk: await onward('Tuesday Wellbeing Walk', 3, 'Would like to get her walking back, in company, close to home.', { handover: h.handover({ firstContactBy: 'person_contacts_provider' }) }),
    };
  });
  // The home visit: Jo's phone died, she missed her check-in and Helen reached her.
  await as({ type: 'system', schemeId: actors.jo.schemeId, label: 'Lone working' }, (scope) => escalateScheme(scope, deps, at(21, 11, 46)));
  await as(actors.manager, (scope) => acknowledge(scope, made.visitId, 'Rang Jo on the office landline at the house: her phone battery had died. She is safe.', at(21, 11, 55)));

  await h.reply(actors.tom, made.carers.id, made.carers.version, { type: 'accept' }, at(16), true);
  for (const daysAgo of [10, 3]) {
    await as(actors.tom, (scope) =>
      saveRegister(scope, { serviceId: made.carers.service.id, date: day(daysAgo), marks: [{ onwardReferralId: made.carers.id, mark: 'missed' }] }, at(daysAgo, 13)),
    );
  }
  await h.reply(actors.jo, made.cafe.id, made.cafe.version, { type: 'decline', reasonCode: 'full', note: 'The hub rang: no places until the spring.' }, at(15), false);
  await h.reply(actors.jo, made.yoga.id, made.yoga.version, { type: 'withdraw', reason: 'Grace would rather wait until her father is settled at home.' }, at(15), false);
  await as(actors.tom, (scope) =>
    raiseConcern(
      scope,
      deps,
      made.carers.id,
      { urgency: 'routine', concern: 'Grace came by on Tuesday to say she could not stay. She looked exhausted and said her dad had fallen again at the weekend.' },
      at(3, 14),
    ),
  );
  // Jo has followed up the missed calls and the café's answer; the rest waits on her caseload.
  await as(actors.jo, async (scope) => {
    const alerts = await scope.db
      .selectFrom('case_alerts')
      .select(['id', 'kind'])
      .where('scheme_id', '=', scope.schemeId)
      .where('referral_id', '=', made.referralId)
      .where('kind', 'in', ['repeated_dna', 'onward_declined', 'lone_working'])
      .execute();
    for (const alert of alerts) {
      const note =
        alert.kind === 'repeated_dna'
          ? 'Spoke to Grace on the 11th: her father was in hospital.'
          : alert.kind === 'lone_working'
            ? 'Phone battery died; I now carry a spare.'
            : 'Told Grace; we will try the café again in the spring.';
      await resolveAlert(scope, alert.id, note, at(11, 12));
    }
  });
}

async function seedHarold(as: As, deps: Deps, h: Helpers, actors: CaseworkActors): Promise<void> {
  const { at, day } = h;
  const made = await as(actors.sam, async (scope) => {
    const referralId = await caseOf(scope, 'Harold', 'Jenkins');
    await createAssessment(scope, referralId, {
      whatMatters: 'Feeling useful again. Not drinking in the afternoons.',
      domains: [{ domain: 'mental-wellbeing', words: 'Since I retired the days are long.', priority: 'high', strengths: 'Forty years as a joiner; his wife Pam.' }],
      assessedOn: day(75),
    });
    const useful = await createGoal(scope, referralId, h.goal({ title: 'Do something with my hands every week', domain: 'mental-wellbeing', reviewDate: day(40) }), at(75, 11));
    await recordProgress(scope, useful.id, { event: { type: 'start' }, personRating: 1 }, useful.version, at(70));
    await createContact(scope, referralId, h.contact({ mode: 'practice', status: 'attended', scheduledAt: at(75, 10).toISOString(), durationMinutes: 45, location: 'Riverside Medical Centre' }), at(75, 11));
    const onward = async (name: string, daysAgo: number, needSummary: string) =>
      createOnwardReferral(scope, deps, referralId, { serviceId: await serviceId(scope, name), consent: h.consentAt(at(daysAgo)), handover: h.handover(), goalIds: [useful.id], needSummary }, at(daysAgo));
    const referrals = {
      referralId,
      garden: await onward('Community Gardening Mornings', 70, 'Practical work outdoors with others; he is a retired joiner.'),
      shed: await onward('Men’s Shed Workshop', 60, 'Woodwork alongside other men.'),
    };
    await recordProgress(scope, useful.id, { event: { type: 'achieve' }, personRating: 9, note: 'Volunteers twice a week at the garden.' }, useful.version + 1, at(30));
    return referrals;
  });
  await h.reply(actors.tom, made.garden.id, made.garden.version, { type: 'accept' }, at(69), true);
  for (const daysAgo of [63, 56]) {
    await as(actors.tom, (scope) =>
      saveRegister(scope, { serviceId: made.garden.service.id, date: day(daysAgo), marks: [{ onwardReferralId: made.garden.id, mark: 'attended' }] }, at(daysAgo, 13)),
    );
  }
  await h.reply(actors.tom, made.garden.id, made.garden.version + 2, { type: 'complete', note: 'Now one of our volunteers.' }, at(22), true);
  await h.reply(actors.sam, made.shed.id, made.shed.version, { type: 'accept', note: 'The shed rang to say yes.' }, at(58), false);
  await h.reply(actors.sam, made.shed.id, made.shed.version + 1, { type: 'drop_out', reasonCode: 'not-for-them', note: 'Prefers being outdoors.' }, at(45), false);
  await as(actors.sam, (scope) =>
    applyReferralEvent(
      scope,
      { ...deps, clock: () => at(20, 14) },
      made.referralId,
      { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Volunteers twice a week at Green Shoots Community Garden; says he feels "useful again". WEMWBS up 9 points.' },
    ),
  );
}
