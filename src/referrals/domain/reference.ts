/**
 * Referral references people can read out over the phone: "LW-7K3M-Q9X4". The alphabet leaves out
 * 0, O, 1, I, L and U; the last character is a check character. Pure; shared with the web app.
 */

export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Weight of each of the seven body characters. Each is coprime with 30 (the alphabet length), so
 * changing any one character always changes the check character.
 */
const WEIGHTS = [1, 7, 11, 13, 17, 19, 23] as const;
const BODY_LENGTH = WEIGHTS.length;
const FORMAT = new RegExp(`^LW-[${REFERENCE_ALPHABET}]{4}-[${REFERENCE_ALPHABET}]{4}$`);
/** The largest multiple of 30 that fits in a byte: bytes from here up are discarded to avoid bias. */
const BYTE_LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);

/** The check character for seven body characters (all from the alphabet). */
export function referenceCheckCharacter(body: string): string {
  if (body.length !== BODY_LENGTH) throw new RangeError(`A reference body has ${BODY_LENGTH} characters`);
  let sum = 0;
  for (let i = 0; i < BODY_LENGTH; i++) {
    const index = REFERENCE_ALPHABET.indexOf(body.charAt(i));
    if (index < 0) throw new RangeError(`"${body.charAt(i)}" is not used in references`);
    sum += index * (WEIGHTS[i] ?? 0);
  }
  return REFERENCE_ALPHABET.charAt(sum % REFERENCE_ALPHABET.length);
}

function format(body: string): string {
  const all = body + referenceCheckCharacter(body);
  return `LW-${all.slice(0, 4)}-${all.slice(4)}`;
}

/** A new random reference. `fillRandom` fills a byte array with random values (crypto by default). */
export function newReferralReference(
  fillRandom: (bytes: Uint8Array) => Uint8Array = (bytes) => globalThis.crypto.getRandomValues(bytes),
): string {
  let body = '';
  for (let rounds = 0; body.length < BODY_LENGTH; rounds++) {
    if (rounds > 1000) throw new Error('The random source is not producing usable values');
    for (const byte of fillRandom(new Uint8Array(16))) {
      if (byte >= BYTE_LIMIT) continue;
      body += REFERENCE_ALPHABET.charAt(byte % REFERENCE_ALPHABET.length);
      if (body.length === BODY_LENGTH) break;
    }
  }
  return format(body);
}

/** True for "LW-XXXX-XXXX" in upper case from the alphabet, with a correct check character. */
export function isValidReferralReference(s: string): boolean {
  if (!FORMAT.test(s)) return false;
  const chars = s.slice(3, 7) + s.slice(8, 12);
  return referenceCheckCharacter(chars.slice(0, BODY_LENGTH)) === chars.charAt(BODY_LENGTH);
}

/**
 * What someone typed ("lw 7k3m q9x4", "LW7K3MQ9X4") as a reference, or null when it is not a valid
 * one. Spaces and hyphens are ignored and case does not matter.
 */
export function normaliseReferralReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^LW.{8}$/.test(compact)) return null;
  const candidate = `LW-${compact.slice(2, 6)}-${compact.slice(6)}`;
  return isValidReferralReference(candidate) ? candidate : null;
}
