import { describe, expect, it } from 'vitest';
import { base32Decode, base32Encode, hotp, newTotpSecret, otpauthUrl, totpAt, verifyTotp } from './totp.js';

// Test vectors from RFC 4226 appendix D and RFC 6238 appendix B (SHA-1 seed "12345678901234567890").
const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');

describe('HOTP (RFC 4226 appendix D)', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => {
    it(`counter ${counter} → ${code}`, () => expect(hotp(RFC_SECRET, counter)).toBe(code));
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1, 8 digits)', () => {
  const vectors: [number, string][] = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ];
  for (const [time, code] of vectors) {
    it(`T=${time} → ${code}`, () => expect(hotp(RFC_SECRET, Math.floor(time / 30), 8)).toBe(code));
  }
  it('six-digit codes are the last six digits', () => {
    expect(totpAt(base32Encode(RFC_SECRET), 59)).toBe('287082');
  });
});

describe('base32', () => {
  it('encodes the RFC 4648 examples', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
  });
  it('round-trips random secrets and tolerates spaces and lower case', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const spaced = secret.toLowerCase().replace(/(.{4})/g, '$1 ');
    expect(base32Encode(base32Decode(spaced))).toBe(secret);
  });
  it('rejects characters outside the alphabet', () => {
    expect(() => base32Decode('ABC1')).toThrow();
  });
});

describe('verifyTotp', () => {
  const secret = base32Encode(RFC_SECRET);
  const now = 1_700_000_000;
  it('accepts the current code and one step of drift either way', () => {
    expect(verifyTotp(secret, totpAt(secret, now), now)).toBe(Math.floor(now / 30));
    expect(verifyTotp(secret, totpAt(secret, now - 30), now)).toBe(Math.floor(now / 30) - 1);
    expect(verifyTotp(secret, totpAt(secret, now + 30), now)).toBe(Math.floor(now / 30) + 1);
  });
  it('refuses codes two steps away, wrong codes and malformed input', () => {
    expect(verifyTotp(secret, totpAt(secret, now - 60), now)).toBeNull();
    expect(verifyTotp(secret, '000000', now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });
});

it('builds an otpauth URL that authenticator apps read', () => {
  expect(otpauthUrl('JBSWY3DPEHPK3PXP', 'ana@example.org')).toBe(
    'otpauth://totp/Linkwell%3Aana%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Linkwell&algorithm=SHA1&digits=6&period=30',
  );
});
