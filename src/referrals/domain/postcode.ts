/**
 * UK postcodes: an outward code (area and district) and an inward code (sector and unit).
 * Pure functions, shared with the web app.
 */

const OUTWARD = /^(?:[A-Z]\d|[A-Z]\d\d|[A-Z]{2}\d|[A-Z]{2}\d\d|[A-Z]\d[A-Z]|[A-Z]{2}\d[A-Z])$/;
const INWARD = /^\d[A-Z]{2}$/;

/**
 * Upper-cases, removes whitespace and puts a single space before the inward code (the last three
 * characters). Returns null when the result is not a UK postcode (A9, A99, AA9, AA99, A9A or AA9A
 * then 9AA, or the special GIR 0AA).
 */
export function normalisePostcode(input: string): string | null {
  const compact = input.toUpperCase().replace(/\s+/g, '');
  if (compact.length < 5 || compact.length > 7) return null;
  const outward = compact.slice(0, -3);
  const inward = compact.slice(-3);
  if (compact === 'GIR0AA') return 'GIR 0AA';
  if (!OUTWARD.test(outward) || !INWARD.test(inward)) return null;
  return `${outward} ${inward}`;
}

export function isValidPostcode(input: string): boolean {
  return normalisePostcode(input) !== null;
}

/** The outward code ("SW1A" of "SW1A 1AA"), or null when the input is not a valid postcode. */
export function postcodeOutward(pc: string): string | null {
  const normalised = normalisePostcode(pc);
  if (normalised === null) return null;
  return normalised.slice(0, normalised.indexOf(' '));
}
