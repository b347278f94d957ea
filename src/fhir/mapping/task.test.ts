import { beforeAll, describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../contracts/referral-codes.js';
import { validateR4 } from '../validate.js';
import { REFERRAL_STATUS_SYSTEM } from './codes.js';
import { host, practice, referralRow } from './fixtures.js';
import { toOrganization } from './organization.js';
import { referralStatusesFor, taskStatus, toTask } from './task.js';

/** Loading the R4 schema and definitions takes a few seconds, once. */
beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);


/** The status table of the brief, written out by hand. */
const TASK_STATUS: Record<ReferralStatus, string> = {
  received: 'requested',
  triaged: 'received',
  accepted: 'accepted',
  declined: 'rejected',
  not_eligible: 'rejected',
  redirected: 'rejected',
  first_contact: 'in-progress',
  active: 'in-progress',
  closed: 'completed',
};

describe('taskStatus', () => {
  it.each(REFERRAL_STATUSES)('%s', (status) => {
    expect(taskStatus({ status, closure_reason: null })).toBe(TASK_STATUS[status]);
  });

  it('a referral closed because consent was withdrawn is cancelled', () => {
    expect(taskStatus({ status: 'closed', closure_reason: 'consent-withdrawn' })).toBe('cancelled');
    expect(taskStatus({ status: 'closed', closure_reason: 'goals-met' })).toBe('completed');
  });

  it('search by Task status finds exactly the referral statuses that show as it', () => {
    for (const status of REFERRAL_STATUSES) {
      for (const closure of [null, 'consent-withdrawn']) {
        const shown = taskStatus({ status, closure_reason: closure });
        const back = referralStatusesFor(shown);
        expect(back?.statuses, `${status}/${String(closure)}`).toContain(status);
        if (back?.consentWithdrawn !== undefined) expect(back.consentWithdrawn).toBe(closure === 'consent-withdrawn');
      }
    }
    expect(referralStatusesFor('on-hold')).toEqual({ statuses: [] });
    expect(referralStatusesFor('nonsense')).toBeUndefined();
  });
});

describe('toTask', () => {
  it('is a valid SDOHCC-style referral management Task', () => {
    const task = toTask({ referral: referralRow() }, host, { referrerOrganisation: practice });
    expect(validateR4(task)).toEqual({ valid: true, issues: [] });
    expect(task).toMatchObject({
      id: '33333333-3333-4333-8333-333333333333',
      meta: { versionId: '1', lastUpdated: '2026-11-02T10:30:00.000Z' },
      status: 'requested',
      intent: 'order',
      priority: 'urgent',
      code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
      focus: { reference: 'ServiceRequest/22222222-2222-4222-8222-222222222222' },
      for: { reference: 'Patient/11111111-1111-4111-8111-111111111111' },
      owner: { reference: `Organization/${host.id}` },
      requester: { reference: `Organization/${practice.id}` },
      authoredOn: '2026-11-02T10:30:00.000Z',
      lastModified: '2026-11-02T10:30:00.000Z',
      businessStatus: { coding: [{ system: REFERRAL_STATUS_SYSTEM, code: 'received', display: 'Received' }], text: 'Received' },
    });
    expect(task.statusReason).toBeUndefined();
  });

  it('says why: declined with SNOMED, not eligible, redirected, closed with the outcome', () => {
    const declined = toTask({ referral: referralRow({ status: 'declined', decision_reason: 'support-elsewhere', version: 4 }) }, host);
    expect(declined).toMatchObject({
      status: 'rejected',
      statusReason: { coding: [{ system: 'http://snomed.info/sct', code: '871711000000103', display: 'Social prescribing declined' }], text: 'Already getting support elsewhere' },
      meta: { versionId: '4' },
    });
    expect(toTask({ referral: referralRow({ status: 'not_eligible', decision_reason: 'Under 18' }) }, host).statusReason).toEqual({ text: 'Not eligible: Under 18' });
    expect(toTask({ referral: referralRow({ status: 'redirected', decision_reason: 'Citizens Advice' }) }, host).statusReason).toEqual({ text: 'Redirected to Citizens Advice' });
    const closed = toTask(
      { referral: referralRow({ status: 'closed', closure_reason: 'goals-met', outcome_summary: 'Joined a walking group.', first_contact_at: new Date('2026-11-03T09:00:00Z'), closed_at: new Date('2026-12-01T09:00:00Z') }) },
      host,
    );
    expect(closed).toMatchObject({
      status: 'completed',
      statusReason: { text: 'Goals met' },
      executionPeriod: { start: '2026-11-03T09:00:00.000Z', end: '2026-12-01T09:00:00.000Z' },
      output: [
        { type: { text: 'Outcome summary' }, valueString: 'Joined a walking group.' },
        {
          type: { text: 'Message back to GP and referrer' },
          valueReference: { reference: 'Composition/22222222-2222-4222-8222-222222222222', type: 'Composition' },
        },
      ],
    });
    for (const task of [declined, closed]) expect(validateR4(task)).toEqual({ valid: true, issues: [] });
  });

  it('points at the message back to GP and referrer once the referral has ended, not before', () => {
    const composition = { type: { text: 'Message back to GP and referrer' }, valueReference: { reference: 'Composition/22222222-2222-4222-8222-222222222222' } };
    expect(toTask({ referral: referralRow() }, host).output).toBeUndefined();
    expect(toTask({ referral: referralRow({ status: 'active' }) }, host).output).toBeUndefined();
    for (const status of ['declined', 'not_eligible', 'redirected', 'closed'] as const) {
      expect(toTask({ referral: referralRow({ status }) }, host).output, status).toMatchObject([composition]);
    }
  });
});

describe('toOrganization', () => {
  it('carries the ODS code and kind', () => {
    const org = toOrganization({ id: practice.id, kind: 'gp_practice', name: 'High Street Surgery', ods_code: 'Y00001', parent_id: host.id });
    expect(validateR4(org)).toEqual({ valid: true, issues: [] });
    expect(org).toMatchObject({
      identifier: [{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Y00001' }],
      type: [{ coding: [{ code: 'prov' }], text: 'GP practice' }],
      partOf: { reference: `Organization/${host.id}` },
    });
    const hostOrg = toOrganization({ id: host.id, kind: 'host', name: 'Host', ods_code: null, parent_id: null });
    expect(hostOrg.identifier).toBeUndefined();
    expect(hostOrg.type).toEqual([{ text: 'Social prescribing service host' }]);
  });
});
