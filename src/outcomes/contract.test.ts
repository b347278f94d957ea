import { describe, expect, it } from 'vitest';
import { outcomeSettingsInput, timepoint } from '../contracts/outcomes.js';
import { CLOSURE_REASONS } from '../contracts/referral-codes.js';
import { DEFAULT_OUTCOME_SETTINGS } from './catalogue.js';
import { CLOSURES_NOT_ASKED } from './reminders/due.js';

describe('the outcomes contract', () => {
  it('a timepoint is baseline, closure, other, or a follow-up of 1 to 156 weeks written plainly', () => {
    for (const good of ['baseline', 'closure', 'other', 'follow-up-1', 'follow-up-9', 'follow-up-12', 'follow-up-99', 'follow-up-100', 'follow-up-149', 'follow-up-156']) {
      expect(timepoint.safeParse(good).success, good).toBe(true);
    }
    for (const bad of ['follow-up-0', 'follow-up-00', 'follow-up-012', 'follow-up-157', 'follow-up-160', 'follow-up-999', 'follow-up-', 'follow-up-1000', 'Baseline']) {
      expect(timepoint.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('settings switch off at most 100 measures', () => {
    const { version: _version, ...settings } = DEFAULT_OUTCOME_SETTINGS;
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `scale-${i}`);
    expect(outcomeSettingsInput.safeParse({ ...settings, disabledMeasures: keys(100) }).success).toBe(true);
    const refused = outcomeSettingsInput.safeParse({ ...settings, disabledMeasures: keys(101) });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['disabledMeasures']);
  });

  it('the closures that end asking are referral closure codes: died, consent withdrawn, moved away', () => {
    const labels = CLOSURE_REASONS.filter((r) => CLOSURES_NOT_ASKED.has(r.code)).map((r) => r.label);
    expect(labels.sort()).toEqual(['Consent withdrawn', 'Died', 'Moved out of the area']);
    expect(CLOSURES_NOT_ASKED.size).toBe(3);
  });
});
