import { REFERENCE_ALPHABET } from '../../referrals/domain/reference.js';

/**
 * Onward referral references a provider can read back over the phone: "ON-7K3M9Q". Same alphabet
 * as referral references (no 0/O, 1/I/L or U), so the two are never confused in shape. Six
 * characters give 30^6 (about 729 million) codes per scheme; the table's unique key catches the
 * rare clash. Pure.
 */
const LENGTH = 6;
const BYTE_LIMIT = 256 - (256 % REFERENCE_ALPHABET.length);
const FORMAT = new RegExp(`^ON-[${REFERENCE_ALPHABET}]{${LENGTH}}$`);

export function newOnwardReference(fillRandom: (bytes: Uint8Array) => Uint8Array = (bytes) => globalThis.crypto.getRandomValues(bytes)): string {
  let body = '';
  for (let rounds = 0; body.length < LENGTH; rounds++) {
    if (rounds > 1000) throw new Error('The random source is not producing usable values');
    for (const byte of fillRandom(new Uint8Array(16))) {
      // Bytes from BYTE_LIMIT up would favour the first characters of the alphabet.
      if (byte >= BYTE_LIMIT) continue;
      body += REFERENCE_ALPHABET.charAt(byte % REFERENCE_ALPHABET.length);
      if (body.length === LENGTH) break;
    }
  }
  return `ON-${body}`;
}

export const isOnwardReference = (s: string): boolean => FORMAT.test(s);
