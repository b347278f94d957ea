/**
 * Spotting a referral for someone already known: the same NHS number, or failing that the same
 * date of birth, surname and postcode. Pure; shared with the web app.
 */
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.js';

export interface PersonKey {
  nhsNumber: string | null;
  dateOfBirth: string | null;
  familyName: string;
  postcode: string | null;
}

/** Letters that carry no separate accent, so NFD leaves them whole. */
const LETTERS: Record<string, string> = { ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, accents removed, and nothing but a to z: "O'Brien-Smith" → "obriensmith". */
export function normaliseSurname(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[łøæœßđðþı]/g, (c) => LETTERS[c] ?? '')
    .replace(/[^a-z]/g, '');
}

function validNhsNumber(n: string | null): string | null {
  if (n === null || !isValidNhsNumber(n)) return null;
  return normaliseNhsNumber(n);
}

/** Postcode letters and digits only, upper case ("sw1a 1aa" and "SW1A1AA" compare equal). */
function postcodeKey(pc: string | null): string {
  return (pc ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/**
 * Why two people look like the same person, or null. A shared valid NHS number is decisive; two
 * different valid NHS numbers rule a match out; otherwise date of birth, surname and postcode must
 * all be present and equal.
 */
export function duplicateReason(a: PersonKey, b: PersonKey): 'nhs-number' | 'demographics' | null {
  const nhsA = validNhsNumber(a.nhsNumber);
  const nhsB = validNhsNumber(b.nhsNumber);
  if (nhsA !== null && nhsB !== null) return nhsA === nhsB ? 'nhs-number' : null;

  const dobA = (a.dateOfBirth ?? '').trim();
  const surnameA = normaliseSurname(a.familyName);
  const postcodeA = postcodeKey(a.postcode);
  if (dobA === '' || surnameA === '' || postcodeA === '') return null;
  const same = dobA === (b.dateOfBirth ?? '').trim() && surnameA === normaliseSurname(b.familyName) && postcodeA === postcodeKey(b.postcode);
  return same ? 'demographics' : null;
}
