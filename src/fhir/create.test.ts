import { describe, expect, it } from 'vitest';
import { nhsNumberNotRecorded } from './create.js';
import { NHS_NUMBER_SYSTEM } from './mapping/codes.js';

describe('nhsNumberNotRecorded', () => {
  const patient = (value?: string) => ({ resourceType: 'Patient' as const, ...(value ? { identifier: [{ system: NHS_NUMBER_SYSTEM, value }] } : {}) });

  it('says nothing when no number was sent, or the Patient carries the one sent', () => {
    expect(nhsNumberNotRecorded(undefined, patient(), 'Patient.identifier[0].value')).toEqual([]);
    expect(nhsNumberNotRecorded('9434765919', patient('9434765919'), 'Patient.identifier[0].value')).toEqual([]);
  });

  it('warns, at the element sent, when the Patient answered lacks it (kept only as a claim, or another held)', () => {
    for (const answered of [patient(), patient('9434765870')]) {
      expect(nhsNumberNotRecorded('9434765919', answered, 'Patient.identifier[0].value')).toEqual([
        expect.objectContaining({ severity: 'warning', code: 'business-rule', expression: ['Patient.identifier[0].value'] }),
      ]);
    }
  });
});
