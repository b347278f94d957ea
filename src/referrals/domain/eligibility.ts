/**
 * Screening a referral against a scheme's eligibility criteria. Every criterion gets a plain-English
 * explanation so a link worker can see why. Pure; shared with the web app.
 */
import { DEFAULT_NEED_CATEGORIES } from '../../contracts/referral-codes.js';

export interface EligibilityCriteria {
  minAge: number | null;
  maxAge: number | null;
  registeredPractices: string[];
  acceptedNeeds: string[];
  exclusions: { id: string; question: string; redirectTo: string }[];
}

export interface ScreeningInput {
  dateOfBirth: string | null;
  practiceOds: string | null;
  needs: string[];
  exclusionsFlagged: string[];
  today: string;
}

export interface CriterionResult {
  criterion: 'age' | 'practice' | 'needs' | 'exclusion';
  met: boolean | null;
  explanation: string;
}

export interface ScreeningResult {
  outcome: 'eligible' | 'not_eligible' | 'redirect' | 'unknown';
  reasons: CriterionResult[];
  redirectTo: string | null;
  summary: string;
}

/** Accepts everyone. */
export const OPEN_CRITERIA: EligibilityCriteria = Object.freeze({
  minAge: null,
  maxAge: null,
  registeredPractices: [],
  acceptedNeeds: [],
  exclusions: [],
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(iso: string): [number, number, number] {
  const match = ISO_DATE.exec(iso);
  if (match === null) throw new RangeError(`Not an ISO date: ${iso}`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new RangeError(`Not a real date: ${iso}`);
  }
  return [y, m, d];
}

/**
 * Age in whole years on a date. Someone born on 29 February turns a year older on 1 March in a
 * year with no 29 February. Negative when the birth date is after today.
 */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = parseDate(dateOfBirth);
  const [ty, tm, td] = parseDate(today);
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

function ageRange(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `aged ${min} to ${max}`;
  if (min !== null) return `aged ${min} and over`;
  return `aged up to ${max ?? 0}`;
}

function screenAge(criteria: EligibilityCriteria, input: ScreeningInput): CriterionResult {
  const { minAge, maxAge } = criteria;
  if (minAge === null && maxAge === null) {
    return { criterion: 'age', met: true, explanation: 'This scheme accepts people of any age.' };
  }
  const range = ageRange(minAge, maxAge);
  if (input.dateOfBirth === null || input.dateOfBirth.trim() === '') {
    return { criterion: 'age', met: null, explanation: `Date of birth not known; this scheme accepts people ${range}.` };
  }
  let age: number;
  try {
    age = ageOn(input.dateOfBirth, input.today);
  } catch {
    return { criterion: 'age', met: null, explanation: `Date of birth "${input.dateOfBirth}" is not a date we can read; this scheme accepts people ${range}.` };
  }
  if (age < 0) {
    return { criterion: 'age', met: null, explanation: `Date of birth ${input.dateOfBirth} is after today, so it needs checking; this scheme accepts people ${range}.` };
  }
  const met = (minAge === null || age >= minAge) && (maxAge === null || age <= maxAge);
  return { criterion: 'age', met, explanation: `Aged ${age}; this scheme accepts people ${range}.` };
}

function normaliseOds(code: string): string {
  return code.trim().toUpperCase();
}

function screenPractice(criteria: EligibilityCriteria, input: ScreeningInput): CriterionResult {
  const practices = criteria.registeredPractices.map(normaliseOds);
  if (practices.length === 0) {
    return { criterion: 'practice', met: true, explanation: 'This scheme accepts people registered with any GP practice.' };
  }
  const count = practices.length === 1 ? 'one GP practice' : `${practices.length} GP practices`;
  if (input.practiceOds === null || input.practiceOds.trim() === '') {
    return { criterion: 'practice', met: null, explanation: `GP practice not known; this scheme accepts people registered with ${count}.` };
  }
  const ods = normaliseOds(input.practiceOds);
  if (practices.includes(ods)) {
    return { criterion: 'practice', met: true, explanation: `Registered with ${ods}, one of this scheme's practices.` };
  }
  return { criterion: 'practice', met: false, explanation: `Registered with ${ods}, which is not one of this scheme's practices.` };
}

function needLabel(code: string): string {
  return DEFAULT_NEED_CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

function listOf(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}

function screenNeeds(criteria: EligibilityCriteria, input: ScreeningInput): CriterionResult {
  if (criteria.acceptedNeeds.length === 0) {
    return { criterion: 'needs', met: true, explanation: 'This scheme accepts referrals for any need.' };
  }
  const accepted = listOf(criteria.acceptedNeeds.map(needLabel)).toLowerCase();
  if (input.needs.length === 0) {
    return { criterion: 'needs', met: false, explanation: `No needs recorded; this scheme accepts referrals for ${accepted}.` };
  }
  const matching = input.needs.filter((n) => criteria.acceptedNeeds.includes(n));
  if (matching.length > 0) {
    return { criterion: 'needs', met: true, explanation: `Needs include ${listOf(matching.map(needLabel)).toLowerCase()}, which this scheme accepts.` };
  }
  return {
    criterion: 'needs',
    met: false,
    explanation: `Needs recorded (${listOf(input.needs.map(needLabel)).toLowerCase()}) are not ones this scheme accepts; it accepts referrals for ${accepted}.`,
  };
}

function screenExclusions(criteria: EligibilityCriteria, input: ScreeningInput): { result: CriterionResult; redirectTo: string | null } {
  const flagged = criteria.exclusions.filter((e) => input.exclusionsFlagged.includes(e.id));
  const first = flagged[0];
  if (first === undefined) {
    const explanation = criteria.exclusions.length === 0 ? 'This scheme has no exclusions.' : 'None of the exclusions apply.';
    return { result: { criterion: 'exclusion', met: true, explanation }, redirectTo: null };
  }
  const answered = flagged.map((e) => `"${e.question}"`).join(' and ');
  return {
    result: { criterion: 'exclusion', met: false, explanation: `Answered yes to ${answered}; refer to ${first.redirectTo} instead.` },
    redirectTo: first.redirectTo,
  };
}

/**
 * Screens a referral. A flagged exclusion redirects (and takes priority); any criterion not met
 * makes it not eligible; otherwise anything not known leaves it unknown; otherwise eligible.
 * Exclusions flagged that the criteria do not list are ignored.
 */
export function screen(criteria: EligibilityCriteria, input: ScreeningInput): ScreeningResult {
  const exclusion = screenExclusions(criteria, input);
  const reasons = [screenAge(criteria, input), screenPractice(criteria, input), screenNeeds(criteria, input), exclusion.result];
  const because = (pick: (r: CriterionResult) => boolean): string =>
    reasons
      .filter(pick)
      .map((r) => r.explanation)
      .join(' ');

  if (exclusion.redirectTo !== null) {
    return { outcome: 'redirect', reasons, redirectTo: exclusion.redirectTo, summary: `Redirect to ${exclusion.redirectTo}. ${exclusion.result.explanation}` };
  }
  if (reasons.some((r) => r.met === false)) {
    return { outcome: 'not_eligible', reasons, redirectTo: null, summary: `Not eligible. ${because((r) => r.met === false)}` };
  }
  if (reasons.some((r) => r.met === null)) {
    return { outcome: 'unknown', reasons, redirectTo: null, summary: `Cannot decide yet. ${because((r) => r.met === null)}` };
  }
  return { outcome: 'eligible', reasons, redirectTo: null, summary: 'Eligible: meets every criterion.' };
}
