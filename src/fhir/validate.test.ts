import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../project-path.js';
import { pointerToFhirPath, validateR4 } from './validate.js';

/** Loading the R4 schema and definitions takes a few seconds, once. */
beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);


const conformance = projectPath('..', 'shared', 'conformance', 'fhir');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const patient = {
  resourceType: 'Patient',
  id: 'example',
  meta: { versionId: '1', lastUpdated: '2026-01-02T03:04:05.000Z' },
  identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' }],
  name: [{ use: 'official', family: 'Smith', given: ['Jo'] }],
  gender: 'female',
  birthDate: '1956-03-14',
  address: [{ line: ['1 High Street'], city: 'Leeds', postalCode: 'LS1 4AP' }],
};

describe('validateR4', () => {
  it('passes base-looking resources', () => {
    expect(validateR4(patient)).toEqual({ valid: true, issues: [] });
    const task = { resourceType: 'Task', status: 'requested', intent: 'order', focus: { reference: 'ServiceRequest/1' } };
    expect(validateR4(task).valid).toBe(true);
    const outcome = { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'invalid', expression: ['Patient.birthDate'] }] };
    expect(validateR4(outcome).valid).toBe(true);
  });

  it('reports what each validator finds, with a FHIRPath', () => {
    // A code outside its enum: only the JSON Schema checks required bindings.
    const badGender = validateR4({ ...patient, gender: 'f' });
    expect(badGender.valid).toBe(false);
    expect(badGender.issues).toContainEqual(expect.objectContaining({ path: 'Patient.gender', source: 'json-schema' }));
    // A single value where an array is required: both see it.
    const notArray = validateR4({ ...patient, identifier: patient.identifier[0] });
    expect(notArray.issues.map((i) => i.source)).toEqual(expect.arrayContaining(['json-schema', 'structure-definition']));
    // An invariant (FHIRPath constraint): only the StructureDefinitions carry those.
    const invariant = validateR4({ resourceType: 'Bundle', type: 'collection', entry: [{}] });
    expect(invariant.issues).toContainEqual(expect.objectContaining({ source: 'structure-definition', path: 'Bundle.entry[0]' }));
  });

  it('refuses things that are not resources or of an unknown type', () => {
    expect(validateR4('Patient').valid).toBe(false);
    expect(validateR4({ id: 'x' }).valid).toBe(false);
    expect(validateR4({ resourceType: 'Nonsense' }).issues[0]).toMatchObject({ message: 'Unknown resource type "Nonsense"' });
  });

  it('fails the NHS BaRS ServiceRequest GET example (basedOn is not an array)', () => {
    const result = validateR4(readJson(`${conformance}/nhs-bars-examples/service_request_id_GET-success.json`));
    expect(result.valid).toBe(false);
    expect(result.issues).toContainEqual(expect.objectContaining({ path: 'ServiceRequest.basedOn', severity: 'error' }));
  });

  it('passes the BaRS $process-message bundle', () => {
    expect(validateR4(readJson(`${conformance}/nhs-bars-examples/process_message_POST-body.json`)).valid).toBe(true);
  });

  /*
   * Every SDOH Clinical Care IG example passes, except the two QuestionnaireResponses: they carry
   * `_questionnaire` (an extension on the canonical `questionnaire`), which is valid R4, but the
   * official R4 fhir.schema.json omits the `_x` sibling for elements of type canonical, so its
   * additionalProperties rule rejects it. That is a fault of the schema, not of the example: the
   * StructureDefinition validator accepts both.
   */
  const SCHEMA_FAULT = new Set([
    'QuestionnaireResponse-SDOHCC-QuestionnaireResponseHungerVitalSignExample.json',
    'QuestionnaireResponse-SDOHCC-QuestionnaireResponsePRAPAREExample.json',
  ]);
  const examples = readdirSync(`${conformance}/sdohcc-examples`).filter((f) => f.endsWith('.json'));

  it('has the 58 SDOHCC examples', () => {
    expect(examples).toHaveLength(58);
  });

  it.each(examples)('SDOHCC example %s', (file) => {
    const result = validateR4(readJson(`${conformance}/sdohcc-examples/${file}`));
    if (SCHEMA_FAULT.has(file)) {
      expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
        expect.objectContaining({ source: 'json-schema', path: 'QuestionnaireResponse', message: 'Unknown element "_questionnaire"' }),
      ]);
    } else {
      expect(result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([]);
      expect(result.valid).toBe(true);
    }
  });
});

describe('pointerToFhirPath', () => {
  it('turns JSON pointers into FHIRPath', () => {
    expect(pointerToFhirPath('Patient', '')).toBe('Patient');
    expect(pointerToFhirPath('Patient', '/identifier/0/value')).toBe('Patient.identifier[0].value');
    expect(pointerToFhirPath('Bundle', '/entry/2/resource/a~1b')).toBe('Bundle.entry[2].resource.a/b');
  });
});

describe('the R4 version', () => {
  it('accepts fhirVersion 4.0.1, which the shipped 4.0.0 schema build leaves out of its enum', () => {
    const statement = { resourceType: 'CapabilityStatement', status: 'active', date: '2026-01-01', kind: 'instance', implementation: { description: 'x' }, fhirVersion: '4.0.1', format: ['json'], rest: [{ mode: 'server' }] };
    expect(validateR4(statement)).toEqual({ valid: true, issues: [] });
    expect(validateR4({ ...statement, fhirVersion: '9.9.9' }).valid).toBe(false);
  });
});
