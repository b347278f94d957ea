import { beforeAll, describe, expect, it } from 'vitest';
import { capabilityStatement, SEARCH_PARAMS } from './capability.js';
import { validateR4 } from './validate.js';

beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);

describe('CapabilityStatement', () => {
  const statement = capabilityStatement('https://linkwell.example/fhir', '1.2.3');
  const rest = statement.rest?.[0];

  it('is valid R4 and describes a server instance', () => {
    expect(validateR4(statement)).toEqual({ valid: true, issues: [] });
    expect(statement).toMatchObject({ status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['application/fhir+json', 'json'], software: { version: '1.2.3' } });
    expect(rest?.mode).toBe('server');
    expect(JSON.stringify(rest?.security)).toContain('https://linkwell.example/oauth/token');
  });

  it('lists exactly the interactions the routes implement', () => {
    const interactions = Object.fromEntries((rest?.resource ?? []).map((r) => [r.type, r.interaction?.map((i) => i.code)]));
    expect(interactions).toEqual({
      Patient: ['read', 'vread', 'create', 'update', 'search-type'],
      ServiceRequest: ['read', 'vread', 'create', 'search-type'],
      Task: ['read', 'vread', 'search-type'],
      Composition: ['read'],
      Organization: ['read'],
      Questionnaire: ['read'],
      QuestionnaireResponse: ['read', 'search-type'],
      Observation: ['read', 'search-type'],
    });
    expect(rest?.interaction).toEqual([{ code: 'transaction' }]);
    const patient = rest?.resource?.find((r) => r.type === 'Patient');
    expect(patient).toMatchObject({ conditionalCreate: true, versioning: 'versioned-update', readHistory: false, updateCreate: false });
  });

  it('advertises the search parameters the search handler accepts, and no others', () => {
    for (const resource of rest?.resource ?? []) {
      const advertised = resource.searchParam?.map((p) => p.name) ?? [];
      expect(advertised, resource.type).toEqual([...((SEARCH_PARAMS as Record<string, readonly string[]>)[resource.type] ?? [])]);
    }
  });
});
