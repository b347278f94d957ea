import type { Bundle, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { readEntries, resolveReference, type TransactionEntry } from './bundle-entries.js';
import { FhirError } from './operation-outcome.js';
import { inEntry, parseIfNoneExist, serverPatientId } from './referral-command.js';
import type { FastifyRequest } from 'fastify';

const BASE = 'https://linkwell.example/fhir';
const entry = (index: number, resource: Resource, fullUrl?: string): TransactionEntry => ({
  index,
  type: resource.resourceType as TransactionEntry['type'],
  fullUrl,
  resource,
  ifNoneExist: undefined,
});

describe('resolveReference', () => {
  const patient = entry(0, { resourceType: 'Patient', id: 'pat-1' }, 'urn:uuid:aaaa');
  const absolute = entry(1, { resourceType: 'Patient', id: 'pat-2' }, 'http://example.org/fhir/Patient/pat-2');
  const request = entry(2, { resourceType: 'ServiceRequest' } as Resource, 'http://example.org/fhir/ServiceRequest/sr-1');
  const all = [patient, absolute, request];

  it('urn:uuid and absolute URLs match fullUrls', () => {
    expect(resolveReference('urn:uuid:aaaa', request, all, BASE)).toEqual({ kind: 'entry', entry: patient });
    expect(resolveReference('urn:uuid:zzzz', request, all, BASE)).toEqual({ kind: 'unresolved' });
    expect(resolveReference('http://example.org/fhir/Patient/pat-2', request, all, BASE)).toEqual({ kind: 'entry', entry: absolute });
    expect(resolveReference('http://elsewhere.org/Patient/1', request, all, BASE)).toEqual({ kind: 'unresolved' });
  });

  it('relative references resolve against the referring entry’s base, then by type and id', () => {
    expect(resolveReference('Patient/pat-2', request, all, BASE)).toEqual({ kind: 'entry', entry: absolute });
    expect(resolveReference('Patient/pat-1', request, all, BASE)).toEqual({ kind: 'entry', entry: patient });
  });

  it('otherwise they name a resource on this server', () => {
    expect(resolveReference('Patient/123', request, all, BASE)).toEqual({ kind: 'server', type: 'Patient', id: '123' });
    expect(resolveReference(`${BASE}/Patient/123`, request, all, BASE)).toEqual({ kind: 'server', type: 'Patient', id: '123' });
    expect(resolveReference('not a reference', request, all, BASE)).toEqual({ kind: 'unresolved' });
  });
});

describe('readEntries', () => {
  const post = (resource: Resource, url = resource.resourceType) => ({ resource, request: { method: 'POST' as const, url } });

  it('accepts POSTs of a Patient, one ServiceRequest and a Consent', () => {
    const bundle: Bundle = { resourceType: 'Bundle', type: 'transaction', entry: [post({ resourceType: 'Patient' }), post({ resourceType: 'ServiceRequest' } as Resource)] };
    expect(readEntries(bundle).map((e) => e.type)).toEqual(['Patient', 'ServiceRequest']);
  });

  it('reports every problem at once', () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ ...post({ resourceType: 'Patient' }), request: { method: 'PUT', url: 'Patient/1' } }, post({ resourceType: 'Basic' } as Resource)],
    };
    try {
      readEntries(bundle);
      expect.fail('should refuse');
    } catch (error) {
      expect(error).toBeInstanceOf(FhirError);
      expect((error as FhirError).issues.map((i) => i.expression?.[0])).toEqual([
        'Bundle.entry[0].request.method',
        'Bundle.entry[0].request.url',
        'Bundle.entry[1].resource',
        'Bundle.entry',
      ]);
    }
  });
});

describe('helpers', () => {
  it('parseIfNoneExist reads identifier=system|value only, normalising NHS numbers', () => {
    expect(parseIfNoneExist(undefined)).toBeUndefined();
    expect(parseIfNoneExist('identifier=https://x.example/id|A-1')).toEqual({ system: 'https://x.example/id', value: 'A-1' });
    expect(parseIfNoneExist('Patient?identifier=https://fhir.nhs.uk/Id/nhs-number|943 476 5919')).toEqual({ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765919' });
    for (const bad of ['identifier=A-1', 'name=Smith', 'identifier=a|1&name=b', 'identifier=|1']) expect(() => parseIfNoneExist(bad), bad).toThrow(FhirError);
  });

  it('inEntry re-roots a FHIRPath into a Bundle entry', () => {
    expect(inEntry(2)('Patient.identifier[0].value')).toBe('Bundle.entry[2].resource.identifier[0].value');
  });

  it('serverPatientId accepts Patient/<uuid>, relative or on this server', () => {
    const request = { protocol: 'https', host: 'linkwell.example' } as FastifyRequest;
    const id = '11111111-1111-4111-8111-111111111111';
    expect(serverPatientId(`Patient/${id}`, request)).toBe(id);
    expect(serverPatientId(`https://linkwell.example/fhir/Patient/${id}`, request)).toBe(id);
    expect(serverPatientId('Patient/pat-1', request)).toBeUndefined();
    expect(serverPatientId(`Practitioner/${id}`, request)).toBeUndefined();
  });
});
