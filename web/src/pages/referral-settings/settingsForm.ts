import type { z } from 'zod';
import type { eligibilityCriteria, ReferralSettingsView } from '../../../../src/contracts/referrals.js';
import type { ApiProblem } from '../../api/problem.js';
import type { Checked, FormErrors } from '../../forms/errors.js';

/**
 * The referral settings form's state and its translation to and from the API. Inputs keep what
 * was typed as text; checking turns it into the PUT body, with messages keyed by input id.
 */
export const MAX_EXCLUSIONS = 20;
const MAX_ID = 60;
const MAX_TEXT = 300;

/** One screening question. `key` names its inputs; `id` is the saved id, null until first saved. */
export interface ExclusionRow {
  key: string;
  id: string | null;
  question: string;
  redirectTo: string;
}

export interface SettingsFormState {
  minAge: string;
  maxAge: string;
  registeredPractices: string[];
  acceptedNeeds: string[];
  exclusions: ExclusionRow[];
  firstContactWorkingDays: string;
  reopenWindowDays: string;
  /** 'yes', 'no', or '' when neither is chosen. */
  selfReferralEnabled: string;
}

export interface SettingsRequest {
  eligibility: z.infer<typeof eligibilityCriteria>;
  firstContactWorkingDays: number;
  reopenWindowDays: number;
  selfReferralEnabled: boolean;
}

/** A question's text as an id: lowercase letters, digits and hyphens, cut at a word where it can be. */
export function slugify(text: string): string {
  const full = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (full.length <= MAX_ID) return full === '' ? 'question' : full;
  const cut = full.slice(0, MAX_ID);
  const atWord = full[MAX_ID] === '-' ? cut : cut.slice(0, Math.max(cut.lastIndexOf('-'), 0));
  return (atWord === '' ? cut : atWord).replace(/-+$/, '');
}

/** The slug, with -2, -3 and so on added when another question already has it. */
export function uniqueSlug(text: string, taken: ReadonlySet<string>): string {
  const base = slugify(text);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_ID - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function exclusionFieldId(key: string, part: 'question' | 'redirectTo'): string {
  return `exclusion-${key}-${part}`;
}

export function savedExclusionRows(exclusions: ReferralSettingsView['eligibility']['exclusions']): ExclusionRow[] {
  return exclusions.map((e) => ({ key: `saved-${e.id}`, id: e.id, question: e.question, redirectTo: e.redirectTo }));
}

export function newExclusionRow(n: number): ExclusionRow {
  return { key: `new-${n}`, id: null, question: '', redirectTo: '' };
}

/**
 * Checkboxes for the scheme's GP practices, by name, with any saved ODS code that is no longer
 * one of them kept (so saving does not drop it without the manager seeing it).
 */
export function practiceOptions(
  organisations: readonly { kind: string; name: string; odsCode: string | null }[],
  chosen: readonly string[],
): { value: string; label: string }[] {
  const practices = organisations
    .flatMap((o) => (o.kind === 'gp_practice' && o.odsCode !== null ? [{ value: o.odsCode, label: `${o.name} (${o.odsCode})` }] : []))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  const listed = new Set(practices.map((p) => p.value));
  const others = chosen.filter((code) => !listed.has(code)).map((code) => ({ value: code, label: `${code} (not a GP practice in this scheme)` }));
  return [...practices, ...others];
}

const numberText = (n: number | null): string => (n === null ? '' : String(n));

export function formStateFromSettings(settings: ReferralSettingsView): SettingsFormState {
  const { eligibility } = settings;
  return {
    minAge: numberText(eligibility.minAge),
    maxAge: numberText(eligibility.maxAge),
    registeredPractices: [...eligibility.registeredPractices],
    acceptedNeeds: [...eligibility.acceptedNeeds],
    exclusions: savedExclusionRows(eligibility.exclusions),
    firstContactWorkingDays: String(settings.firstContactWorkingDays),
    reopenWindowDays: String(settings.reopenWindowDays),
    selfReferralEnabled: settings.selfReferralEnabled ? 'yes' : 'no',
  };
}

function textOf(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}

function listOf(data: FormData, name: string): string[] {
  return data.getAll(name).filter((v): v is string => typeof v === 'string');
}

/** What the form holds now; the questions' inputs are named after their rows. */
export function readSettingsForm(data: FormData, rows: readonly ExclusionRow[]): SettingsFormState {
  return {
    minAge: textOf(data, 'minAge'),
    maxAge: textOf(data, 'maxAge'),
    registeredPractices: listOf(data, 'registeredPractices'),
    acceptedNeeds: listOf(data, 'acceptedNeeds'),
    exclusions: rows.map((row) => ({
      ...row,
      question: textOf(data, exclusionFieldId(row.key, 'question')),
      redirectTo: textOf(data, exclusionFieldId(row.key, 'redirectTo')),
    })),
    firstContactWorkingDays: textOf(data, 'firstContactWorkingDays'),
    reopenWindowDays: textOf(data, 'reopenWindowDays'),
    selfReferralEnabled: textOf(data, 'selfReferralEnabled'),
  };
}

/** A whole number in range, null when blank, or 'invalid'. */
function wholeNumber(text: string, min: number, max: number): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'invalid';
  const n = Number(trimmed);
  return n >= min && n <= max ? n : 'invalid';
}

/** Input ids in page order, for the error summary. */
export function fieldOrder(rows: readonly ExclusionRow[]): string[] {
  return [
    'minAge',
    'maxAge',
    'registeredPractices',
    'acceptedNeeds',
    ...rows.flatMap((r) => [exclusionFieldId(r.key, 'question'), exclusionFieldId(r.key, 'redirectTo')]),
    'firstContactWorkingDays',
    'reopenWindowDays',
    'selfReferralEnabled',
  ];
}

/**
 * Checks the form and builds the PUT body with every setting. Saved questions keep their ids;
 * new ones get an id from their text that no other question, kept or removed, has had.
 */
export function checkSettings(state: SettingsFormState, knownIds: readonly string[]): Checked<SettingsRequest> {
  const fields: Partial<Record<string, string>> = {};
  const minAge = wholeNumber(state.minAge, 0, 120);
  const maxAge = wholeNumber(state.maxAge, 0, 120);
  if (minAge === 'invalid') fields.minAge = 'Minimum age must be a whole number from 0 to 120';
  if (maxAge === 'invalid') fields.maxAge = 'Maximum age must be a whole number from 0 to 120';
  else if (typeof minAge === 'number' && typeof maxAge === 'number' && maxAge < minAge) {
    fields.maxAge = 'Maximum age must be the same as or more than the minimum age';
  }

  const taken = new Set([...knownIds, ...state.exclusions.flatMap((r) => (r.id === null ? [] : [r.id]))]);
  const exclusions = state.exclusions.map((row, index) => {
    const n = index + 1;
    const question = row.question.trim();
    const redirectTo = row.redirectTo.trim();
    const questionId = exclusionFieldId(row.key, 'question');
    const redirectId = exclusionFieldId(row.key, 'redirectTo');
    if (question === '') fields[questionId] = `Enter screening question ${n}, or remove it`;
    else if (question.length > MAX_TEXT) fields[questionId] = `Screening question ${n} must be ${MAX_TEXT} characters or fewer`;
    if (redirectTo === '') fields[redirectId] = `Enter where to redirect people who answer yes to question ${n}`;
    else if (redirectTo.length > MAX_TEXT) fields[redirectId] = `Where to redirect people for question ${n} must be ${MAX_TEXT} characters or fewer`;
    let id = row.id;
    if (id === null) {
      id = uniqueSlug(question, taken);
      taken.add(id);
    }
    return { id, question, redirectTo };
  });
  const detail = exclusions.length > MAX_EXCLUSIONS ? `You can have up to ${MAX_EXCLUSIONS} screening questions. Remove one or more.` : null;

  const firstContact = wholeNumber(state.firstContactWorkingDays, 1, 60);
  if (firstContact === null) fields.firstContactWorkingDays = 'Enter the number of working days within which to make first contact';
  else if (firstContact === 'invalid') fields.firstContactWorkingDays = 'First contact must be a whole number of working days from 1 to 60';
  const reopen = wholeNumber(state.reopenWindowDays, 0, 730);
  if (reopen === null) fields.reopenWindowDays = 'Enter the number of days within which a closed referral is reopened';
  else if (reopen === 'invalid') fields.reopenWindowDays = 'The reopening period must be a whole number of days from 0 to 730';
  if (state.selfReferralEnabled !== 'yes' && state.selfReferralEnabled !== 'no') {
    fields.selfReferralEnabled = 'Select whether the scheme accepts self-referrals';
  }

  const failed = detail !== null || Object.keys(fields).length > 0;
  if (failed || minAge === 'invalid' || maxAge === 'invalid' || typeof firstContact !== 'number' || typeof reopen !== 'number') {
    return { ok: false, errors: { detail, fields } };
  }
  return {
    ok: true,
    value: {
      eligibility: { minAge, maxAge, registeredPractices: state.registeredPractices, acceptedNeeds: state.acceptedNeeds, exclusions },
      firstContactWorkingDays: firstContact,
      reopenWindowDays: reopen,
      selfReferralEnabled: state.selfReferralEnabled === 'yes',
    },
  };
}

const TOP_LEVEL = ['firstContactWorkingDays', 'reopenWindowDays', 'selfReferralEnabled'];
const ELIGIBILITY = ['minAge', 'maxAge', 'registeredPractices', 'acceptedNeeds'];

/** The input a server error is about: `body.eligibility.exclusions.2.question` is row 3's question. */
function inputFor(path: string, rows: readonly ExclusionRow[]): string | null {
  const segments = path.split('.').filter((s) => s !== '' && s !== 'body');
  const [first, second, index, part] = segments;
  if (first !== undefined && TOP_LEVEL.includes(first)) return first;
  if (first !== 'eligibility' || second === undefined) return null;
  if (ELIGIBILITY.includes(second)) return second;
  if (second !== 'exclusions') return null;
  const row = index === undefined ? undefined : rows[Number(index)];
  if (row === undefined) return null;
  return exclusionFieldId(row.key, part === 'redirectTo' ? 'redirectTo' : 'question');
}

/** Puts a failed save's field errors next to their inputs; anything else goes in the summary. */
export function problemToSettingsErrors(problem: ApiProblem, rows: readonly ExclusionRow[]): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  const unmatched: string[] = [];
  for (const { field, message } of problem.errors) {
    const input = inputFor(field, rows);
    if (input === null) unmatched.push(message);
    else fields[input] ??= message;
  }
  const matched = Object.keys(fields).length > 0;
  const detail = unmatched.length > 0 ? unmatched.join('. ') : matched ? null : problem.detail;
  return { detail, fields };
}
