import { personInput, type PersonFormValues, type PersonInput } from '../contracts/people.js';
import type { ReferralEventRequest } from '../contracts/referrals.js';
import type { Actor, DataAccess } from '../data/access.js';
import type { JobQueue } from '../jobs/queue.js';
import { withdrawConsent } from '../referrals/consent.js';
import { createReferral, type CreateReferralCommand } from '../referrals/create-referral.js';
import { nhsCheckDigit } from '../referrals/domain/nhs-number.js';
import type { ReferralDeps } from '../referrals/feedback.js';
import { updateReferralSettings } from '../referrals/settings.js';
import { applyReferralEvent } from '../referrals/transition-referral.js';

/**
 * Riverside's referrals, replayed over the past weeks with a clock of their own so that waits,
 * targets and timelines look as they would in a running scheme: every lifecycle state, each
 * source, a consent withdrawal, a possible duplicate, a breached first-contact target.
 */

export interface DemoActors {
  gp: Actor;
  nurse: Actor;
  sam: Actor & { type: 'user' };
  jo: Actor & { type: 'user' };
  manager: Actor;
  gpSystem: Actor;
}

const DAY = 86_400_000;

/** A fixed, valid NHS number in the 999 range kept for testing and demonstration. */
function demoNhsNumber(seed: number): string {
  for (let n = seed * 10; ; n++) {
    const firstNine = `9990${String(n).padStart(5, '0')}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

/** Demo people go through the same validation as the form's. */
const person = (p: PersonFormValues): PersonInput => personInput.parse(p);

const consentOn = (date: Date) => ({ givenBy: 'person' as const, method: 'verbal' as const, scopes: ['referral' as const, 'contact' as const, 'share-with-partners' as const], givenAt: date.toISOString() });

interface Story {
  by: keyof DemoActors;
  daysAgo: number;
  person: PersonInput;
  reason: string;
  needs: string[];
  personView?: string;
  riskInfo?: string;
  urgency?: CreateReferralCommand['urgency'];
  source?: CreateReferralCommand['source'];
  noConsent?: boolean;
  exclusionsFlagged?: string[];
  /** What happened next: [days ago, who, event]. */
  then?: [number, keyof DemoActors, ReferralEventRequest | { type: 'withdraw-consent'; reason: string }][];
}

export async function seedDemoReferrals(data: DataAccess, jobs: JobQueue, schemeId: string, actors: DemoActors, publicUrl: string): Promise<number> {
  const now = Date.now();
  let at = new Date(now);
  const deps: ReferralDeps = { jobs, config: { PUBLIC_URL: publicUrl, HOST: '127.0.0.1', PORT: 0 }, clock: () => at };
  const when = (daysAgo: number, hour = 10) => {
    const d = new Date(now - daysAgo * DAY);
    d.setUTCHours(hour, daysAgo === 0 ? Math.min(new Date(now).getUTCMinutes(), 30) : 15, 0, 0);
    return d.getTime() > now ? new Date(now - 60_000) : d;
  };

  await data.inScheme(actors.manager, {}, (scope) =>
    updateReferralSettings(scope, {
      firstContactWorkingDays: 5,
      reopenWindowDays: 90,
      eligibility: {
        minAge: 18,
        maxAge: null,
        registeredPractices: ['Y99001', 'Y99002', 'Y99003'],
        acceptedNeeds: [],
        exclusions: [
          { id: 'in-crisis', question: 'Is the person in a mental health crisis or at risk of harming themselves?', redirectTo: 'The Riverside crisis team or NHS 111, option 2' },
        ],
      },
    }),
  );

  const allocate = (to: DemoActors['sam']): ReferralEventRequest => ({ type: 'allocate', linkWorkerId: to.userId });
  const stories: Story[] = [
    {
      by: 'gp', daysAgo: 1,
      person: person({ nhsNumber: demoNhsNumber(101), givenName: 'Margaret', familyName: 'Ellis', dateOfBirth: '1947-05-19', sex: 'female', ethnicity: 'A', addressLine1: '14 Willow Court', town: 'Riverside', postcode: 'LS6 2QJ', gpPracticeOds: 'Y99001', phone: '0113 496 0101', preferredContactMethod: 'phone', contactTimes: 'Mornings', accessibleFormats: ['large-print'], lsoaCode: 'E01011360' }),
      reason: 'Widowed in the spring and has stopped going out. Attends often with low mood and aches.', needs: ['loneliness', 'bereavement'],
      personView: 'I would like some company and something to get me out of the house.',
      riskInfo: 'Small dog, friendly. No known risks for home visits.',
    },
    {
      by: 'nurse', daysAgo: 3,
      person: person({ nhsNumber: demoNhsNumber(102), givenName: 'David', familyName: 'Osei', dateOfBirth: '1981-09-02', sex: 'male', ethnicity: 'N', addressLine1: 'Flat 3, 22 Canal Street', town: 'Riverside', postcode: 'LS11 5AB', gpPracticeOds: 'Y99002', phone: '07700 900202', email: 'david.osei@example.com', preferredContactMethod: 'email' }),
      reason: 'Lost his job in August; rent arrears and not sleeping. Asked about benefits.', needs: ['money-debt', 'benefits', 'employment-skills'], urgency: 'soon',
      then: [[2, 'sam', { type: 'triage', note: 'Needs benefits check first; likely Money Matters.' }]],
    },
    {
      by: 'gp', daysAgo: 10,
      person: person({ nhsNumber: demoNhsNumber(103), givenName: 'Aisha', familyName: 'Rahman', dateOfBirth: '1992-01-23', sex: 'female', genderIdentity: 'Woman', ethnicity: 'K', addressLine1: '7 Station Road', town: 'Riverside', postcode: 'LS9 8DT', gpPracticeOds: 'Y99001', phone: '07700 900303', preferredContactMethod: 'sms' }),
      reason: 'Anxiety since returning to work after maternity leave; feels isolated.', needs: ['mental-wellbeing', 'employment-skills'],
      personView: 'I want to feel like myself again.',
    },
    {
      by: 'gp', daysAgo: 8,
      person: person({ nhsNumber: demoNhsNumber(104), givenName: 'Peter', familyName: 'Novak', dateOfBirth: '1959-11-30', sex: 'male', ethnicity: 'C', language: 'Polish', interpreterNeeded: true, addressLine1: '41 Mill Lane', town: 'Riverside', postcode: 'LS12 3HE', gpPracticeOds: 'Y99003', phone: '07700 900404', preferredContactMethod: 'phone' }),
      reason: 'Type 2 diabetes, gaining weight; keen to be more active but unsure where to start.', needs: ['physical-activity', 'long-term-condition'],
      then: [[6, 'manager', allocate(actors.sam)]],
    },
    {
      by: 'nurse', daysAgo: 15,
      person: person({ nhsNumber: demoNhsNumber(105), givenName: 'Chloe', familyName: 'Barnes', dateOfBirth: '1997-03-14', sex: 'female', ethnicity: 'D', addressLine1: '2 Elm Row', town: 'Riverside', postcode: 'LS7 4NP', gpPracticeOds: 'Y99002', phone: '07700 900505', preferredContactMethod: 'sms' }),
      reason: 'Facing eviction; damp flat is making her asthma worse.', needs: ['housing', 'money-debt'], urgency: 'urgent',
      riskInfo: 'Ex-partner may be at the address: meet in the community, not at home.',
      then: [[14, 'manager', allocate(actors.jo)], [12, 'jo', { type: 'record_first_contact', note: 'Met at the library; housing options discussed.' }]],
    },
    {
      by: 'gp', daysAgo: 40,
      person: person({ nhsNumber: demoNhsNumber(106), givenName: 'Frank', familyName: 'Morris', dateOfBirth: '1944-08-08', sex: 'male', ethnicity: 'A', addressLine1: '9 Orchard Close', town: 'Riverside', postcode: 'LS8 1RG', gpPracticeOds: 'Y99001', phone: '0113 496 0606', preferredContactMethod: 'phone' }),
      reason: 'Lives alone, recently stopped driving; wants help to use a tablet to video-call family.', needs: ['loneliness', 'digital-inclusion'],
      then: [[38, 'sam', allocate(actors.sam)], [34, 'sam', { type: 'record_first_contact' }], [30, 'sam', { type: 'start_support', note: 'Plan agreed: tablet lessons and Age Friends coffee morning.' }]],
    },
    {
      by: 'nurse', daysAgo: 25,
      person: person({ nhsNumber: demoNhsNumber(107), givenName: 'Grace', familyName: 'Kim', dateOfBirth: '1975-02-27', sex: 'female', ethnicity: 'R', addressLine1: '30 Park View', town: 'Riverside', postcode: 'LS2 9JT', gpPracticeOds: 'Y99002', phone: '07700 900707', email: 'grace.kim@example.com', preferredContactMethod: 'phone', nextOfKin: { name: 'Min-jun Kim', relationship: 'Father (cared for by Grace)', phone: null, isCarer: false } }),
      reason: 'Caring for her father with dementia; exhausted and has had no break for a year.', needs: ['carers', 'mental-wellbeing'],
      then: [[24, 'jo', allocate(actors.jo)], [21, 'jo', { type: 'record_first_contact' }], [18, 'jo', { type: 'start_support' }]],
    },
    {
      by: 'gp', daysAgo: 80,
      person: person({ nhsNumber: demoNhsNumber(108), givenName: 'Harold', familyName: 'Jenkins', dateOfBirth: '1953-12-01', sex: 'male', ethnicity: 'A', addressLine1: '5 Church Walk', town: 'Riverside', postcode: 'LS10 2PL', gpPracticeOds: 'Y99001', phone: '0113 496 0808', preferredContactMethod: 'letter' }),
      reason: 'Retired, bored and drinking more than he would like; used to enjoy gardening.', needs: ['physical-activity', 'loneliness'],
      then: [[78, 'sam', allocate(actors.sam)], [75, 'sam', { type: 'record_first_contact' }], [70, 'sam', { type: 'start_support' }]],
    },
    {
      by: 'gp', daysAgo: 12,
      person: person({ nhsNumber: demoNhsNumber(109), givenName: 'Irene', familyName: 'Walsh', dateOfBirth: '1966-06-16', sex: 'female', ethnicity: 'B', postcode: 'LS6 3HN', gpPracticeOds: 'Y99001', phone: '07700 900909', preferredContactMethod: 'phone' }),
      reason: 'Low mood after retirement.', needs: ['mental-wellbeing'],
      then: [[10, 'sam', { type: 'decline', reasonCode: 'not-wanted-now', note: 'Would rather wait until after Christmas; knows how to re-refer.' }]],
    },
    {
      by: 'nurse', daysAgo: 6,
      person: person({ nhsNumber: demoNhsNumber(110), givenName: 'Jamal', familyName: 'Ahmed', dateOfBirth: '2010-04-04', sex: 'male', ethnicity: 'J', postcode: 'LS11 7QR', gpPracticeOds: 'Y99002', phone: '07700 901010', preferredContactMethod: 'phone' }),
      reason: 'Struggling with friendships at school.', needs: ['loneliness'],
      then: [[5, 'sam', { type: 'mark_not_eligible', reason: 'Aged 16: referred to the school nursing team and Riverside Youth Hub instead.' }]],
    },
    {
      by: 'gp', daysAgo: 4,
      person: person({ nhsNumber: demoNhsNumber(111), givenName: 'Karen', familyName: 'Doyle', dateOfBirth: '1986-10-10', sex: 'female', postcode: 'LS4 2BB', gpPracticeOds: 'Y99003', phone: '07700 901111', preferredContactMethod: 'phone' }),
      reason: 'Very low mood, talking about not wanting to be here.', needs: ['mental-wellbeing'], exclusionsFlagged: ['in-crisis'], urgency: 'urgent',
      then: [[4, 'sam', { type: 'redirect', destination: 'Riverside crisis team', note: 'Phoned the crisis team with Karen; GP informed the same day.' }]],
    },
    {
      by: 'gp', daysAgo: 5,
      person: person({ nhsNumber: demoNhsNumber(112), givenName: 'Nadia', familyName: 'Begum', dateOfBirth: '1979-07-21', sex: 'female', ethnicity: 'K', language: 'Sylheti', interpreterNeeded: true, postcode: 'LS9 6PA', gpPracticeOds: 'Y99001', phone: '07700 901212', preferredContactMethod: 'phone' }),
      reason: 'Isolated since moving to the area; limited English.', needs: ['loneliness', 'digital-inclusion'],
      then: [[2, 'gp', { type: 'withdraw-consent', reason: 'Told the practice she no longer wants to be referred.' }]],
    },
    {
      by: 'gpSystem', daysAgo: 2, source: 'api', noConsent: true,
      person: person({ nhsNumber: demoNhsNumber(113), givenName: 'Olu', familyName: 'Adebayo', dateOfBirth: '1970-03-03', sex: 'male', ethnicity: 'N', postcode: 'LS8 5DD', gpPracticeOds: 'Y99001', phone: '07700 901313' }),
      reason: 'Referred from the practice system after a review: isolated, recently bereaved.', needs: ['bereavement'],
    },
    {
      by: 'sam', daysAgo: 7, source: 'bulk',
      person: person({ nhsNumber: demoNhsNumber(114), givenName: 'Patricia', familyName: 'Lowe', dateOfBirth: '1950-01-17', sex: 'female', postcode: 'LS6 1AA', gpPracticeOds: 'Y99003' }),
      reason: 'Moved over from the old referrals spreadsheet: wants to join a walking group.', needs: ['physical-activity'],
    },
    {
      by: 'gp', daysAgo: 0, urgency: 'urgent',
      person: person({ nhsNumber: demoNhsNumber(115), givenName: 'Ruth', familyName: 'Evans', dateOfBirth: '1939-09-09', sex: 'female', ethnicity: 'A', postcode: 'LS16 5QQ', gpPracticeOds: 'Y99001', phone: '0113 496 1515', preferredContactMethod: 'phone', nextOfKin: { name: 'Gareth Evans', relationship: 'Son', phone: '07700 901516', isCarer: true } }),
      reason: 'Frail, heating off to save money; son worried about her over winter.', needs: ['money-debt', 'loneliness'],
      riskInfo: 'Hard of hearing: knock loudly and wait.',
    },
  ];

  let made = 0;
  for (const story of stories) {
    at = when(story.daysAgo, 9);
    const created = await data.inScheme(actors[story.by], {}, (scope) =>
      createReferral(scope, deps, {
        person: { kind: 'new', input: story.person },
        consent: story.noConsent ? null : consentOn(at),
        reason: story.reason,
        needs: story.needs,
        personView: story.personView,
        riskInfo: story.riskInfo,
        urgency: story.urgency ?? 'routine',
        feedback: { milestones: ['received', 'decision', 'first_contact', 'closed'], channel: story.by === 'nurse' ? 'letter' : 'email' },
        exclusionsFlagged: story.exclusionsFlagged ?? [],
        source: story.source ?? 'professional',
      }),
    );
    made += 1;
    for (const [daysAgo, who, step] of story.then ?? []) {
      at = when(daysAgo, 14);
      await data.inScheme(actors[who], {}, async (scope) => {
        if (step.type === 'withdraw-consent') await withdrawConsent(scope, created.referralId, step.reason, at);
        else await applyReferralEvent(scope, deps, created.referralId, step);
      });
    }
  }

  // A self-referral from someone already known under another referral: a possible duplicate.
  at = when(1, 19);
  await data.inScheme({ type: 'anonymous', schemeId }, {}, (scope) =>
    createReferral(scope, deps, {
      person: { kind: 'new', input: person({ givenName: 'Maggie', familyName: 'Ellis', dateOfBirth: '1947-05-19', postcode: 'LS6 2QJ', phone: '0113 496 0101', preferredContactMethod: 'phone' }) },
      consent: { givenBy: 'person', method: 'digital', scopes: ['referral', 'contact'], givenAt: at.toISOString() },
      reason: 'My doctor said I could refer myself. I am on my own a lot since Ken died.',
      needs: ['loneliness'],
      personView: 'My doctor said I could refer myself. I am on my own a lot since Ken died.',
      urgency: 'routine',
      feedback: { milestones: [], channel: 'none' },
      exclusionsFlagged: [],
      source: 'self',
    }),
  );
  return made + 1;
}
