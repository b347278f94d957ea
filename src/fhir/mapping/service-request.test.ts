import { readFileSync } from 'node:fs';
import type { ServiceRequest } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES } from '../../contracts/referral-codes.js';
import { projectPath } from '../../project-path.js';
import { validateR4 } from '../validate.js';
import { NEED_CATEGORY_SYSTEM, REFERRAL_REFERENCE_SYSTEM, SDOHCC_SYSTEM } from './codes.js';
import { context, referralRow } from './fixtures.js';
import { fromServiceRequest, RISK_NOTE_PREFIX, serviceRequestStatus, toServiceRequest } from './service-request.js';

/** Loading the R4 schema and definitions takes a few seconds, once. */
beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);


const sdoh = (code: string) => ({ coding: [{ system: SDOHCC_SYSTEM, code }] });
const minimal = (overrides: Partial<ServiceRequest> = {}): ServiceRequest => ({
  resourceType: 'ServiceRequest',
  status: 'active',
  intent: 'order',
  subject: { reference: 'Patient/x' },
  reasonCode: [{ text: 'Lonely' }],
  category: [sdoh('social-connection')],
  ...overrides,
});

describe('toServiceRequest', () => {
  it('is a valid R4 social prescribing referral', () => {
    const sr = toServiceRequest({ referral: referralRow() }, context);
    expect(validateR4(sr)).toEqual({ valid: true, issues: [] });
    expect(sr).toMatchObject({
      id: '22222222-2222-4222-8222-222222222222',
      meta: { versionId: '1' },
      status: 'active',
      intent: 'order',
      priority: 'urgent',
      code: { coding: [{ system: 'http://snomed.info/sct', code: '871731000000106', display: 'Referral to social prescribing service' }] },
      subject: { reference: 'Patient/11111111-1111-4111-8111-111111111111' },
      authoredOn: '2026-11-02T10:30:00.000Z',
      requester: { reference: 'Organization/44444444-4444-4444-8444-444444444444', display: 'Dr A Example, High Street Surgery' },
      performer: [{ reference: 'Organization/55555555-5555-4555-8555-555555555555' }],
      reasonCode: [{ text: 'Lonely since her husband died.' }],
      note: [{ text: 'I would like to meet people.' }, { text: `${RISK_NOTE_PREFIX}Dog in the house.` }],
      identifier: [
        { system: REFERRAL_REFERENCE_SYSTEM, value: 'LW-ABCD-EFGH' },
        { system: 'https://gp.example/referral-id', value: 'R-1' },
      ],
    });
    expect(sr.category?.[2]?.coding).toEqual([
      { system: NEED_CATEGORY_SYSTEM, code: 'food', display: 'Food' },
      { system: SDOHCC_SYSTEM, code: 'food-insecurity', display: 'Food Insecurity' },
    ]);
  });

  it('is active while open, completed when closed, revoked when ended or consent is withdrawn', () => {
    const expected: Record<string, string> = {
      received: 'active',
      triaged: 'active',
      accepted: 'active',
      first_contact: 'active',
      active: 'active',
      declined: 'revoked',
      not_eligible: 'revoked',
      redirected: 'revoked',
      closed: 'completed',
    };
    for (const status of REFERRAL_STATUSES) expect(serviceRequestStatus({ status, closure_reason: null }), status).toBe(expected[status]);
    expect(serviceRequestStatus({ status: 'closed', closure_reason: 'consent-withdrawn' })).toBe('revoked');
  });
});

describe('fromServiceRequest', () => {
  it('reads back what toServiceRequest wrote', () => {
    const mapping = fromServiceRequest(toServiceRequest({ referral: referralRow() }, context));
    expect(mapping.errors).toEqual([]);
    expect(mapping.fields).toEqual({
      reason: 'Lonely since her husband died.',
      needs: ['loneliness', 'food'],
      personView: 'I would like to meet people.',
      riskInfo: 'Dog in the house.',
      urgency: 'soon',
      referrer: { name: 'Dr A Example, High Street Surgery' },
    });
    expect(mapping.identifiers).toEqual([{ system: 'https://gp.example/referral-id', value: 'R-1' }]);
    // Our own reference is not taken back: a new referral gets a reference of its own.
    expect(mapping.warnings.map((w) => w.path)).toEqual(['ServiceRequest.identifier[0]', 'ServiceRequest.authoredOn', 'ServiceRequest.performer']);
  });

  it('maps SDOHCC categories by meaning: exact, nearest (warned), risk, unknown (warned)', () => {
    const mapping = fromServiceRequest(
      minimal({ category: [sdoh('food-insecurity'), sdoh('homelessness'), sdoh('utility-insecurity'), sdoh('intimate-partner-violence'), sdoh('transportation-insecurity'), { text: 'Gardening' }] }),
    );
    expect(mapping.fields.needs).toEqual(['food', 'housing', 'money-debt']);
    expect(mapping.fields.riskInfo).toBe('Categories flagged by the referrer: intimate-partner-violence');
    expect(mapping.warnings.map((w) => w.path)).toEqual(['ServiceRequest.category[2]', 'ServiceRequest.category[3]', 'ServiceRequest.category[4]', 'ServiceRequest.category[5]']);
  });

  it('maps priority to urgency', () => {
    expect(fromServiceRequest(minimal({ priority: 'routine' })).fields.urgency).toBe('routine');
    expect(fromServiceRequest(minimal({ priority: 'urgent' })).fields.urgency).toBe('soon');
    expect(fromServiceRequest(minimal({ priority: 'asap' })).fields.urgency).toBe('urgent');
    expect(fromServiceRequest(minimal({ priority: 'stat' })).fields.urgency).toBe('urgent');
  });

  it('refuses what is not a referral, naming the element', () => {
    const { subject: _subject, reasonCode: _reason, ...bare } = minimal({ status: 'draft', intent: 'proposal', doNotPerform: true, category: [{ text: 'x' }] });
    const mapping = fromServiceRequest(bare as ServiceRequest);
    expect(mapping.errors.map((e) => e.path)).toEqual([
      'ServiceRequest.status',
      'ServiceRequest.intent',
      'ServiceRequest.doNotPerform',
      'ServiceRequest.subject',
      'ServiceRequest.reasonCode',
      'ServiceRequest.category',
    ]);
  });

  it('takes the SDOHCC food pantry example, with the reason from its code', () => {
    const example = JSON.parse(
      readFileSync(projectPath('..', 'shared', 'conformance', 'fhir', 'sdohcc-examples', 'ServiceRequest-SDOHCC-ServiceRequestActiveFoodPantryApplicationAssistExample.json'), 'utf8'),
    ) as ServiceRequest;
    const mapping = fromServiceRequest(example);
    expect(mapping.errors).toEqual([]);
    expect(mapping.fields).toMatchObject({ needs: ['food'], reason: 'Assistance with application for food pantry program', urgency: 'routine' });
    expect(mapping.subject).toBe('Patient/pat-53234');
    expect(mapping.warnings.map((w) => w.path)).toEqual(['ServiceRequest.code', 'ServiceRequest.reasonReference', 'ServiceRequest.reasonCode']);
  });
});
