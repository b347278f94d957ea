/**
 * Clinical codes recorded with referral events. The base list holds only SNOMED CT concepts we have
 * verified; a scheme may add or override codes with its own (checked with validateExtensions).
 */
import data from '../data/coded-events.json' with { type: 'json' };
import type { CodedEventKey } from './lifecycle.js';

export type Coding = { system: string; code: string; display: string };

export const SNOMED_CT = 'http://snomed.info/sct';

const CODED_EVENT_KEYS: readonly CodedEventKey[] = [
  'received',
  'triaged',
  'accepted',
  'declined',
  'not_eligible',
  'redirected',
  'first_contact',
  'active',
  'closed',
  'reopened',
  'reallocated',
];

function isCodedEventKey(key: string): key is CodedEventKey {
  return (CODED_EVENT_KEYS as readonly string[]).includes(key);
}

function isCoding(value: unknown): value is Coding {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.system === 'string' && typeof v.code === 'string' && typeof v.display === 'string';
}

function loadBase(raw: Record<string, unknown>): Partial<Record<CodedEventKey, Coding>> {
  const base: Partial<Record<CodedEventKey, Coding>> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isCodedEventKey(key) || !isCoding(value)) throw new Error(`coded-events.json has a bad entry: ${key}`);
    base[key] = Object.freeze({ system: value.system, code: value.code, display: value.display });
  }
  return Object.freeze(base);
}

/** The verified codes shipped with Linkwell (src/referrals/data/coded-events.json). */
export const BASE_CODED_EVENTS: Partial<Record<CodedEventKey, Coding>> = loadBase(data);

// Verhoeff tables: multiplication in the dihedral group D5, the position permutation.
const D: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const P: readonly (readonly number[])[] = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

function table(t: readonly (readonly number[])[], row: number, col: number): number {
  const value = t[row]?.[col];
  if (value === undefined) throw new RangeError('Verhoeff table index out of range');
  return value;
}

/** True when a string of digits (check digit last) passes the Verhoeff check. */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  for (let i = 0; i < digits.length; i++) {
    const digit = Number(digits[digits.length - 1 - i]);
    c = table(D, c, table(P, i % 8, digit));
  }
  return c === 0;
}

/**
 * A SNOMED CT concept identifier: 6 to 18 digits, no leading zero, a concept partition ('00' in
 * the international release, '10' in an extension: the 2nd and 3rd digits from the right, read
 * left to right) and a valid Verhoeff check digit.
 */
export function isValidSctId(id: string): boolean {
  if (!/^[1-9]\d{5,17}$/.test(id)) return false;
  const partition = id.slice(-3, -1);
  if (partition !== '00' && partition !== '10') return false;
  return verhoeffValid(id);
}

/** The code for an event: the scheme's own if it has one, else the base code, else null. */
export function codingFor(key: CodedEventKey, extensions: Partial<Record<CodedEventKey, Coding>>): Coding | null {
  return extensions[key] ?? BASE_CODED_EVENTS[key] ?? null;
}

/** Problems with a scheme's codes, in plain English; empty when they are all usable. */
export function validateExtensions(ext: Partial<Record<CodedEventKey, Coding>>): string[] {
  const problems: string[] = [];
  for (const [key, coding] of Object.entries(ext) as [string, Coding | undefined][]) {
    if (!isCodedEventKey(key)) {
      problems.push(`"${key}" is not a referral event that can be coded.`);
      continue;
    }
    if (coding === undefined) continue;
    if (!isCoding(coding) || coding.system.trim() === '' || coding.code.trim() === '' || coding.display.trim() === '') {
      problems.push(`The code for "${key}" needs a system, a code and a display name.`);
      continue;
    }
    if (coding.system === SNOMED_CT && !isValidSctId(coding.code)) {
      problems.push(`The code for "${key}" (${coding.code}) is not a valid SNOMED CT concept identifier.`);
    }
  }
  return problems;
}
