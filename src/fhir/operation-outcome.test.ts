import { describe, expect, it } from 'vitest';
import { personInput } from '../contracts/people.js';
import { AppError, validationError, type ErrorKind } from '../errors.js';
import { FhirError, issuesFromMapping, issuesFromValidation, issuesFromZod, operationOutcome, outcomeFromError } from './operation-outcome.js';

describe('outcomeFromError', () => {
  it.each<[ErrorKind, number, string]>([
    ['bad-request', 400, 'invalid'],
    ['validation', 400, 'invalid'],
    ['unauthenticated', 401, 'login'],
    ['forbidden', 403, 'forbidden'],
    ['not-found', 404, 'not-found'],
    ['conflict', 409, 'conflict'],
    ['precondition-failed', 412, 'conflict'],
    ['too-many-requests', 429, 'throttled'],
    ['locked', 423, 'lock-error'],
  ])('AppError %s → %i %s', (kind, status, code) => {
    const { status: got, outcome } = outcomeFromError(new AppError(kind, 'Something.'), 'req-1');
    expect(got).toBe(status);
    expect(outcome.issue).toEqual([{ severity: 'error', code, diagnostics: 'Something.' }]);
  });

  it('names the FHIR element of a field the service refused', () => {
    const error = validationError([{ field: 'body.needs', message: 'This scheme does not use: x' }]);
    expect(outcomeFromError(error, 'r', { needs: 'ServiceRequest.category' }).outcome.issue).toEqual([
      { severity: 'error', code: 'invalid', diagnostics: 'needs: This scheme does not use: x', expression: ['ServiceRequest.category'] },
    ]);
  });

  it('turns framework errors into their statuses without echoing the request', () => {
    const framework = (code: string, statusCode: number) => Object.assign(new Error('raw framework text'), { code, statusCode });
    expect(outcomeFromError(framework('FST_ERR_CTP_BODY_TOO_LARGE', 413), 'r')).toMatchObject({ status: 413, outcome: { issue: [{ code: 'too-costly' }] } });
    expect(outcomeFromError(framework('FST_ERR_CTP_INVALID_MEDIA_TYPE', 415), 'r')).toMatchObject({ status: 415, outcome: { issue: [{ code: 'not-supported' }] } });
    expect(outcomeFromError(framework('FST_ERR_CTP_INVALID_JSON_BODY', 400), 'r')).toMatchObject({ status: 400, outcome: { issue: [{ code: 'structure' }] } });
    expect(JSON.stringify(outcomeFromError(framework('X', 400), 'r'))).not.toContain('raw framework text');
  });

  it('says nothing of an unexpected error but the reference', () => {
    const { status, outcome } = outcomeFromError(new Error('duplicate key (nhs_number)=(9434765919)'), 'req-42');
    expect(status).toBe(500);
    expect(outcome.issue?.[0]).toMatchObject({ severity: 'error', code: 'exception' });
    expect(JSON.stringify(outcome)).not.toContain('9434765919');
    expect(outcome.issue?.[0]?.diagnostics).toContain('req-42');
  });

  it('passes a FhirError through', () => {
    const error = new FhirError(428, [{ severity: 'error', code: 'required', diagnostics: 'Send If-Match.' }]);
    expect(outcomeFromError(error, 'r')).toEqual({ status: 428, outcome: { resourceType: 'OperationOutcome', issue: error.issues } });
  });
});

describe('issues', () => {
  it('from Zod, with the element each field came from', () => {
    const parsed = personInput.safeParse({ nhsNumber: '1234567890', givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-01', nextOfKin: { name: '', relationship: 'x' } });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const issues = issuesFromZod(parsed.error, { nhsNumber: 'Patient.identifier[0].value', nextOfKin: 'Patient.contact[0]' });
    expect(issues.map((i) => i.expression?.[0])).toEqual(['Patient.identifier[0].value', 'Patient.contact[0]']);
    expect(issues[0]?.diagnostics).toBe('Enter a valid 10-digit NHS number, like 943 476 5919');
  });

  it('from the validators and the mappers', () => {
    expect(issuesFromValidation([{ severity: 'error', path: 'Patient.gender', message: 'Value must be one of: …', source: 'json-schema' }])).toEqual([
      { severity: 'error', code: 'structure', diagnostics: 'Value must be one of: …', expression: ['Patient.gender'] },
    ]);
    expect(issuesFromMapping([{ path: 'Patient.extension[0]', message: 'Not kept.' }], 'warning', (p) => p.replace('Patient', 'Bundle.entry[0].resource'))).toEqual([
      { severity: 'warning', code: 'informational', diagnostics: 'Not kept.', expression: ['Bundle.entry[0].resource.extension[0]'] },
    ]);
  });

  it('an empty outcome still has an issue, as R4 requires', () => {
    expect(operationOutcome([]).issue).toEqual([{ severity: 'information', code: 'informational', diagnostics: 'All OK' }]);
  });
});
