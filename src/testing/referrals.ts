import { randomInt } from 'node:crypto';
import { nhsCheckDigit } from '../referrals/domain/nhs-number.js';

/** Factories for referral tests: valid input with overrides, and fresh valid NHS numbers. */

/** A random NHS number that passes the modulus-11 check, in the 999 test range. */
export function testNhsNumber(): string {
  for (;;) {
    const firstNine = `999${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const check = nhsCheckDigit(firstNine);
    if (check !== null) return `${firstNine}${check}`;
  }
}

export interface ReferralBodyOverrides {
  person?: Record<string, unknown>;
  consent?: Record<string, unknown>;
  [field: string]: unknown;
}

/** A complete, valid body for POST /api/referrals. */
export function referralBody(overrides: ReferralBodyOverrides = {}): Record<string, unknown> {
  const { person, consent, ...rest } = overrides;
  return {
    person: {
      nhsNumber: testNhsNumber(),
      givenName: 'Maya',
      familyName: `Okafor-${randomInt(0, 1_000_000)}`,
      dateOfBirth: '1958-04-12',
      sex: 'female',
      postcode: 'LS1 4AP',
      gpPracticeOds: 'Y00001',
      phone: '07700 900123',
      preferredContactMethod: 'phone',
      interpreterNeeded: false,
      accessibleFormats: [],
      ...person,
    },
    consent: { givenBy: 'person', method: 'verbal', scopes: ['referral', 'contact'], givenAt: '2026-11-20', ...consent },
    reason: 'Lives alone since her husband died; lonely and low in mood.',
    needs: ['loneliness', 'bereavement'],
    personView: 'I would like to get out of the house and meet people.',
    urgency: 'routine',
    feedback: { milestones: ['received', 'decision', 'first_contact', 'closed'], channel: 'email' },
    ...rest,
  };
}
