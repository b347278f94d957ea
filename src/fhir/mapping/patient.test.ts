import { readFileSync } from 'node:fs';
import type { Patient } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { personInput } from '../../contracts/people.js';
import { projectPath } from '../../project-path.js';
import { validateR4 } from '../validate.js';
import { INTERPRETER_REQUIRED_URL, NHS_NUMBER_SYSTEM, ODS_SYSTEM } from './codes.js';
import { personRow } from './fixtures.js';
import { fromPatient, toPatient } from './patient.js';
import { updatedPersonInput } from './patient-update.js';

/** Loading the R4 schema and definitions takes a few seconds, once. */
beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);


const TODAY = '2026-11-21';

describe('toPatient', () => {
  it('carries what R4 has a place for, and validates', () => {
    const patient = toPatient(personRow(), [{ system: 'https://gp.example/patient-id', value: 'P-1' }]);
    expect(validateR4(patient)).toEqual({ valid: true, issues: [] });
    expect(patient).toMatchObject({
      id: '11111111-1111-4111-8111-111111111111',
      meta: { versionId: '3', lastUpdated: '2026-11-02T10:30:00.000Z' },
      identifier: [
        { system: NHS_NUMBER_SYSTEM, value: '9434765919' },
        { system: 'https://gp.example/patient-id', value: 'P-1' },
      ],
      name: [
        { use: 'official', family: 'Okafor', given: ['Maya'] },
        { use: 'usual', family: 'Okafor', given: ['May'] },
      ],
      gender: 'female',
      birthDate: '1958-04-12',
      address: [{ use: 'home', line: ['1 High Street', 'Flat 2'], city: 'Leeds', postalCode: 'LS1 4AP' }],
      telecom: [
        { system: 'phone', value: '07700 900123', rank: 1 },
        { system: 'email', value: 'maya@example.org' },
      ],
      communication: [{ language: { text: 'Yoruba' }, preferred: true }],
      extension: [{ url: INTERPRETER_REQUIRED_URL, valueBoolean: true }],
      generalPractitioner: [{ type: 'Organization', identifier: { system: ODS_SYSTEM, value: 'Y00001' } }],
      contact: [{ relationship: [{ text: 'Son' }, { text: 'Carer' }], name: { text: 'Ade Okafor' }, telecom: [{ system: 'phone', value: '07700 900456' }] }],
      active: true,
    });
  });

  it.each([
    ['female', 'female'],
    ['male', 'male'],
    ['intersex', 'other'],
    ['not-known', 'unknown'],
    ['not-stated', 'unknown'],
  ])('maps sex %s to gender %s', (sex, gender) => {
    expect(toPatient(personRow({ sex })).gender).toBe(gender);
  });

  it('leaves out what is absent, and points a merged record at the one kept', () => {
    const bare = toPatient(personRow({ nhs_number: null, preferred_name: null, sex: null, address_line1: null, address_line2: null, town: null, postcode: null, phone: null, email: null, language: null, interpreter_needed: false, gp_practice_ods: null, next_of_kin: null }));
    // No NHS number and no business identifiers: no identifier element (FHIR JSON has no empty arrays).
    expect(Object.keys(bare).sort()).toEqual(['active', 'birthDate', 'id', 'meta', 'name', 'resourceType']);
    expect(toPatient(personRow({ nhs_number: null }), [{ system: 'https://gp.example/id', value: '7' }]).identifier).toEqual([{ system: 'https://gp.example/id', value: '7' }]);
    expect(validateR4(bare).valid).toBe(true);
    const merged = toPatient(personRow({ merged_into_id: '99999999-9999-4999-8999-999999999999' }));
    expect(merged).toMatchObject({ active: false, link: [{ other: { reference: 'Patient/99999999-9999-4999-8999-999999999999' }, type: 'replaced-by' }] });
    expect(validateR4(merged).valid).toBe(true);
  });
});

describe('fromPatient', () => {
  it('reads back what toPatient wrote, with nothing to report', () => {
    const mapping = fromPatient(toPatient(personRow()), TODAY);
    expect(mapping.warnings).toEqual([]);
    expect(mapping.errors).toEqual([]);
    expect(personInput.parse(mapping.input)).toEqual({
      nhsNumber: '9434765919',
      givenName: 'Maya',
      familyName: 'Okafor',
      preferredName: 'May',
      dateOfBirth: '1958-04-12',
      sex: 'female',
      addressLine1: '1 High Street',
      addressLine2: 'Flat 2',
      town: 'Leeds',
      postcode: 'LS1 4AP',
      gpPracticeOds: 'Y00001',
      email: 'maya@example.org',
      phone: '07700 900123',
      language: 'Yoruba',
      interpreterNeeded: true,
      accessibleFormats: [],
      preferredContactMethod: 'phone',
      nextOfKin: { name: 'Ade Okafor', relationship: 'Son', phone: '07700 900456', isCarer: true },
    });
    expect(mapping.paths.nhsNumber).toBe('Patient.identifier[0].value');
  });

  it('reports every element of the SDOHCC example Patient it cannot keep, with its FHIRPath', () => {
    const example = JSON.parse(readFileSync(projectPath('..', 'shared', 'conformance', 'fhir', 'sdohcc-examples', 'Patient-pat-53234.json'), 'utf8')) as Patient;
    const mapping = fromPatient(example, TODAY);
    expect(mapping.errors).toEqual([]);
    expect(mapping.input).toMatchObject({ givenName: 'COLIN V.', familyName: 'BAXTER', dateOfBirth: '1987-02-20', sex: 'male', addressLine1: '183 Mountain View St', town: 'Mounds', phone: '555-555-5555' });
    expect(mapping.input.postcode).toBeUndefined();
    expect(mapping.identifiers).toEqual([{ system: 'http://hospital.smarthealthit.org', value: '1032702' }]);
    expect(mapping.warnings.map((w) => w.path)).toEqual([
      'Patient.extension[0]',
      'Patient.extension[1]',
      'Patient.extension[2]',
      'Patient.identifier[0]',
      'Patient.name[0]',
      'Patient.name[1]',
      'Patient.address[0]',
      'Patient.address[1].postalCode',
      'Patient.address[1].state',
      'Patient.address[1].country',
    ]);
    expect(mapping.warnings[0]?.message).toContain('us-core-race');
  });

  it('refuses modifier extensions and reports unknown elements', () => {
    const patient = toPatient(personRow());
    const mapping = fromPatient(
      { ...patient, meta: { ...patient.meta, security: [{ code: 'R' }] }, modifierExtension: [{ url: 'https://example.org/x', valueBoolean: true }], deceasedBoolean: true, gender: 'other' },
      TODAY,
    );
    expect(mapping.errors.map((e) => e.path)).toEqual(['Patient.modifierExtension']);
    expect(mapping.warnings.map((w) => w.path)).toEqual(expect.arrayContaining(['Patient.meta.security', 'Patient.deceasedBoolean', 'Patient.gender']));
  });
});

describe('updatedPersonInput', () => {
  it('keeps from the record what FHIR cannot say, including intersex sent out as "other"', () => {
    const row = personRow({ sex: 'intersex', preferred_contact_method: 'letter' });
    const patient = toPatient(row);
    const input = updatedPersonInput(row, fromPatient(patient, TODAY), patient);
    expect(input).toMatchObject({ sex: 'intersex', ethnicity: 'N', lsoaCode: 'E01011229', contactTimes: 'Mornings', accessibleFormats: ['large-print'], preferredContactMethod: 'letter' });
  });
});
