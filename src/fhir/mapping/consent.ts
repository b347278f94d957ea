/**
 * FHIR Consent → the consent recorded with a referral. Read conservatively: it must be active,
 * about privacy or treatment, and permit; onward sharing with community partners is recorded
 * only when the provision says so in as many words (a permit of the "disclose" action).
 */
import type { Consent } from '@medplum/fhirtypes';
import type { ConsentMethod, ConsentScope } from '../../contracts/referral-codes.js';
import type { consentInput } from '../../contracts/referrals.js';
import type { z } from 'zod';
import { conceptText, eachElement, MappingReport, type MappingIssue } from './issues.js';

const CONSENT_SCOPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentscope';
const CONSENT_ACTION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/consentaction';
const ACCEPTED_SCOPES = new Set(['patient-privacy', 'treatment']);

export interface ConsentMapping {
  input: z.input<typeof consentInput>;
  paths: Partial<Record<keyof z.input<typeof consentInput>, string>>;
  /** The patient reference as sent (resolved by the caller). */
  patient: string | undefined;
  warnings: MappingIssue[];
  errors: MappingIssue[];
}

export function fromConsent(consent: Consent): ConsentMapping {
  const report = new MappingReport();
  let method: ConsentMethod = 'digital';
  let methodStated = false;
  const scopes: ConsentScope[] = ['referral', 'contact'];
  let givenBy: 'person' | 'representative' = 'person';
  let givenByName: string | undefined;
  let sharing = false;

  eachElement(consent, 'Consent', report, {
    status: (path) => {
      if (consent.status !== 'active') report.error(path, `Only an active Consent records agreement (this one is "${consent.status}").`);
    },
    scope: (path) => {
      const code = consent.scope.coding?.find((c) => c.system === CONSENT_SCOPE_SYSTEM)?.code;
      if (!code || !ACCEPTED_SCOPES.has(code)) {
        report.error(path, `A referral needs a privacy or treatment consent (scope "${conceptText(consent.scope) ?? 'uncoded'}" is not one).`);
      }
    },
    category: (path) => report.notKept(path, 'The consent category'),
    patient: (path) => {
      if (!consent.patient?.reference) report.error(path, 'The consent must reference the Patient.');
    },
    dateTime: () => undefined,
    performer: () => {
      consent.performer?.forEach((p, i) => {
        const type = p.type ?? p.reference?.split('/')[0];
        if (i === 0 && type === 'RelatedPerson') {
          givenBy = 'representative';
          givenByName = p.display;
        } else if (i > 0 || (type !== 'Patient' && type !== undefined)) {
          report.warn(`Consent.performer[${i}]`, 'Recorded as consent given by the person; only a RelatedPerson is recorded as a representative.');
        }
      });
    },
    organization: (path) => report.notKept(path, 'The organisation the consent was given to'),
    sourceAttachment: (path) => {
      method = 'written';
      methodStated = true;
      report.warn(path, 'The consent document is not stored; the consent is recorded as written.');
    },
    sourceReference: (path) => {
      method = 'written';
      methodStated = true;
      report.warn(path, 'The consent document is not fetched; the consent is recorded as written.');
    },
    policy: (path) => report.notKept(path, 'The consent policy'),
    policyRule: (path) => report.notKept(path, 'The consent policy rule'),
    verification: (path) => report.notKept(path, 'Consent verification'),
    provision: (path) => {
      const provision = consent.provision;
      if (!provision) return;
      if (provision.type === 'deny') {
        report.error(`${path}.type`, 'A consent whose provision denies is not consent to a referral.');
        return;
      }
      const disclose = provision.action?.some((a) => a.coding?.some((c) => c.system === CONSENT_ACTION_SYSTEM && c.code === 'disclose'));
      if (provision.type === 'permit' && disclose) {
        sharing = true;
        report.warn(path, 'Read as consent to share the minimum needed with community partners (a permit of the "disclose" action).');
      }
      const { type: _type, action: _action, ...rest } = provision;
      for (const key of Object.keys(rest)) report.notKept(`${path}.${key}`, 'This part of the provision');
    },
  });

  if (!consent.patient) report.error('Consent.patient', 'The consent must reference the Patient.');
  if (!consent.dateTime) report.error('Consent.dateTime', 'Say when consent was given.');
  if (!methodStated) report.warn('Consent', 'How consent was given is not stated; it is recorded as given digitally.');
  if (!sharing) report.warn('Consent.provision', 'Consent to share with community partners is not recorded; Linkwell will ask for it before any onward referral.');
  if (sharing) scopes.push('share-with-partners');
  return {
    input: { givenBy, ...(givenByName ? { givenByName } : {}), method, scopes, givenAt: consent.dateTime ?? '' },
    paths: { givenAt: 'Consent.dateTime', givenBy: 'Consent.performer', givenByName: 'Consent.performer', method: 'Consent', scopes: 'Consent.provision' },
    patient: consent.patient?.reference,
    warnings: report.warnings,
    errors: report.errors,
  };
}
