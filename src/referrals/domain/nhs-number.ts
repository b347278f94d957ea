/**
 * NHS numbers: ten digits, the last a modulus 11 check digit. Pure functions, shared with the web app.
 */

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Strips spaces and hyphens; returns the ten digits, or null when what is left is not ten digits. */
export function normaliseNhsNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^\d{10}$/.test(digits) ? digits : null;
}

/**
 * The check digit the first nine digits call for, or null when the remainder gives 10 (no NHS
 * number is issued with those nine digits).
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new RangeError('An NHS number check needs exactly nine digits');
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += Number(firstNine[i]) * weight;
  });
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** True when the input (spaces and hyphens allowed) is ten digits with a correct check digit. */
export function isValidNhsNumber(input: string): boolean {
  const digits = normaliseNhsNumber(input);
  if (digits === null) return false;
  const expected = nhsCheckDigit(digits.slice(0, 9));
  return expected !== null && expected === Number(digits[9]);
}

/** "9434765919" → "943 476 5919". Input that is not an NHS number is returned unchanged. */
export function formatNhsNumber(digits: string): string {
  const normalised = normaliseNhsNumber(digits);
  if (normalised === null) return digits;
  return `${normalised.slice(0, 3)} ${normalised.slice(3, 6)} ${normalised.slice(6)}`;
}
