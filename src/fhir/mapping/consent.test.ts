import { readFileSync } from 'node:fs';
import type { Consent } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { consentInput } from '../../contracts/referrals.js';
import { projectPath } from '../../project-path.js';
import { fromConsent } from './consent.js';

const base: Consent = {
  resourceType: 'Consent',
  status: 'active',
  scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
  category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
  patient: { reference: 'urn:uuid:p' },
  dateTime: '2026-11-20T10:00:00Z',
};

describe('fromConsent', () => {
  it('defaults: given by the person, digitally, to be referred and contacted; both assumptions warned', () => {
    const mapping = fromConsent(base);
    expect(mapping.errors).toEqual([]);
    expect(consentInput.parse(mapping.input)).toEqual({ givenBy: 'person', method: 'digital', scopes: ['referral', 'contact'], givenAt: '2026-11-20T10:00:00Z' });
    expect(mapping.patient).toBe('urn:uuid:p');
    expect(mapping.warnings.map((w) => w.path)).toEqual(['Consent.category', 'Consent', 'Consent.provision']);
  });

  it('a RelatedPerson gives it as representative; a document makes it written', () => {
    const mapping = fromConsent({ ...base, performer: [{ reference: 'RelatedPerson/1', display: 'Ade Okafor' }], sourceAttachment: { contentType: 'application/pdf' } });
    expect(mapping.input).toMatchObject({ givenBy: 'representative', givenByName: 'Ade Okafor', method: 'written' });
  });

  it('records sharing with partners only for a permit of "disclose", and says so', () => {
    const disclose = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentaction', code: 'disclose' }] };
    const mapping = fromConsent({ ...base, provision: { type: 'permit', action: [disclose] } });
    expect(mapping.input.scopes).toEqual(['referral', 'contact', 'share-with-partners']);
    expect(mapping.warnings.find((w) => w.path === 'Consent.provision')?.message).toContain('Read as consent to share');
    expect(fromConsent({ ...base, provision: { type: 'permit' } }).input.scopes).toEqual(['referral', 'contact']);
  });

  it('refuses a consent that is not agreement to a referral', () => {
    const refused = fromConsent({ ...base, status: 'rejected', scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'research' }] }, provision: { type: 'deny' } });
    expect(refused.errors.map((e) => e.path)).toEqual(['Consent.status', 'Consent.scope', 'Consent.provision.type']);
    const { dateTime: _when, patient: _who, ...undated } = base;
    expect(fromConsent(undated).errors.map((e) => e.path)).toEqual(['Consent.patient', 'Consent.dateTime']);
  });

  it('takes the SDOHCC consent example conservatively', () => {
    const example = JSON.parse(readFileSync(projectPath('..', 'shared', 'conformance', 'fhir', 'sdohcc-examples', 'Consent-SDOHCC-ConsentInformationDisclosureExample.json'), 'utf8')) as Consent;
    const mapping = fromConsent(example);
    expect(mapping.errors).toEqual([]);
    expect(mapping.input).toMatchObject({ givenBy: 'person', method: 'written', scopes: ['referral', 'contact'], givenAt: '2021-05-01' });
    expect(mapping.warnings.map((w) => w.path)).toEqual(['Consent.category', 'Consent.organization', 'Consent.sourceAttachment', 'Consent.policyRule', 'Consent.provision']);
  });
});
