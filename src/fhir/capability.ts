/**
 * GET /fhir/metadata: exactly what this server implements, no more. Keep it in step with
 * routes.ts (capability.test.ts pins the list); search.ts accepts exactly SEARCH_PARAMS.
 */
import type { CapabilityStatement, CapabilityStatementRestResource, CapabilityStatementRestResourceSearchParam } from '@medplum/fhirtypes';

/** When this statement's content last changed. */
export const CAPABILITY_DATE = '2026-11-21';

const PAGING = 'Results are paged with _count (default 20; a larger _count is answered with pages of 100) and _offset.';

export const SEARCH_PARAMS = {
  Patient: ['identifier'],
  ServiceRequest: ['subject', 'status'],
  Task: ['owner', 'status', 'focus', '_lastUpdated'],
  QuestionnaireResponse: ['subject', 'patient'],
  Observation: ['subject', 'patient', 'code'],
} as const;

const SUBJECT_PARAMS: CapabilityStatementRestResourceSearchParam[] = [
  { name: 'subject', type: 'reference', documentation: 'Patient/<id>; required (or patient).' },
  { name: 'patient', type: 'reference', documentation: 'Patient/<id> or <id>; the same as subject.' },
];

/** What no resource here supports: history, update-as-create, conditional read/update/delete. */
const NOT_SUPPORTED = {
  readHistory: false,
  updateCreate: false,
  conditionalRead: 'not-supported',
  conditionalUpdate: false,
  conditionalDelete: 'not-supported',
} as const;

const RESOURCES: CapabilityStatementRestResource[] = [
  {
    type: 'Patient',
    documentation: `A person referred by your organisation. Search by NHS number: identifier=https://fhir.nhs.uk/Id/nhs-number|<n>. ${PAGING}`,
    interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'create' }, { code: 'update' }, { code: 'search-type' }],
    versioning: 'versioned-update',
    ...NOT_SUPPORTED,
    conditionalCreate: true,
    searchParam: [{ name: 'identifier', type: 'token', documentation: 'system|value; the system is required.' }],
  },
  {
    type: 'ServiceRequest',
    documentation: `A referral to the social prescribing service. Its subject must be a Patient on this server or in the same transaction. ${PAGING}`,
    interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'create' }, { code: 'search-type' }],
    versioning: 'versioned',
    ...NOT_SUPPORTED,
    conditionalCreate: true,
    searchParam: [
      { name: 'subject', type: 'reference', documentation: 'Patient/<id>' },
      { name: 'status', type: 'token', documentation: 'active | completed | revoked' },
    ],
  },
  {
    type: 'Task',
    documentation: `The progress of a referral (intent order, focus = the ServiceRequest, owner = the scheme's host organisation); read-only. ${PAGING}`,
    interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'search-type' }],
    versioning: 'versioned',
    ...NOT_SUPPORTED,
    conditionalCreate: false,
    searchParam: [
      { name: 'owner', type: 'reference', documentation: 'Organization/<id>' },
      { name: 'status', type: 'token', documentation: 'Task status codes, comma-separated for any of them.' },
      { name: 'focus', type: 'reference', documentation: 'ServiceRequest/<id>' },
      { name: '_lastUpdated', type: 'date', documentation: 'A date (UTC day, month or year) or an instant with a time zone, optionally after eq, ne, ge, le, gt or lt; may be repeated.' },
    ],
  },
  {
    type: 'Composition',
    documentation:
      'The message back to the GP and referrer (PRSB Social Prescribing Information Standard: About me, What matters to me, What I was offered, What the result was). Its id is the referral’s (the ServiceRequest id); status preliminary while the referral is open, final once it has ended. Read-only.',
    interaction: [{ code: 'read' }],
    versioning: 'no-version',
    ...NOT_SUPPORTED,
    conditionalCreate: false,
  },
  {
    type: 'Organization',
    documentation: 'Organisations of the scheme (the host, GP practices, community groups).',
    interaction: [{ code: 'read' }],
    versioning: 'no-version',
    ...NOT_SUPPORTED,
    conditionalCreate: false,
  },
  {
    type: 'Questionnaire',
    documentation:
      'A wellbeing measure the scheme offers (ONS4, WEMWBS, SWEMWBS, concerns-based, licensed tools as entered scores, and the scheme’s own scales). Its id is the measure key with "_" written as "."; only the current version is served, and a measure the scheme has switched off is retired. Licensed tools carry only the fields their score is entered in. Read-only.',
    interaction: [{ code: 'read' }],
    versioning: 'versioned',
    ...NOT_SUPPORTED,
    conditionalCreate: false,
  },
  {
    type: 'QuestionnaireResponse',
    documentation: `A completed wellbeing measure of a person your organisation referred; questionnaire is the canonical URL and version it was answered on. Read-only. ${PAGING}`,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    versioning: 'versioned',
    ...NOT_SUPPORTED,
    conditionalCreate: false,
    searchParam: SUBJECT_PARAMS,
  },
  {
    type: 'Observation',
    documentation: `The scores of a completed measure (category survey), derived from its QuestionnaireResponse: <response id>-total for the headline score (SWEMWBS metric, WEMWBS total, a mean) and one per item score. Codes are in https://linkwell.dev/fhir/CodeSystem/measure-score (a scheme's own scale: in its scheme's namespace). Read-only. ${PAGING}`,
    interaction: [{ code: 'read' }, { code: 'search-type' }],
    versioning: 'versioned',
    ...NOT_SUPPORTED,
    conditionalCreate: false,
    searchParam: [...SUBJECT_PARAMS, { name: 'code', type: 'token', documentation: '[system|]code, comma-separated for any of them: swemwbs-metric, wemwbs-total, ons4.anxiety...' }],
  },
];

export function capabilityStatement(base: string, version: string): CapabilityStatement {
  const origin = base.replace(/\/fhir$/, '');
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: CAPABILITY_DATE,
    publisher: 'Linkwell',
    kind: 'instance',
    software: { name: 'Linkwell', version },
    implementation: { description: 'Linkwell social prescribing: closed-loop referrals (FHIR R4)', url: base },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'Send a referral as a transaction Bundle (Patient + ServiceRequest [+ Consent]) and follow its Task; read the person’s wellbeing measures as QuestionnaireResponse and Observation. Errors and warnings are OperationOutcome.',
        security: {
          cors: false,
          service: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'OAuth', display: 'OAuth' }] }],
          description: `OAuth 2.0 client credentials: POST ${origin}/oauth/token, then send Authorization: Bearer <token>. Tokens act for one organisation in one scheme; you see only referrals your organisation made, and the people and wellbeing measures of those referrals.`,
          extension: [
            {
              url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
              extension: [{ url: 'token', valueUri: `${origin}/oauth/token` }],
            },
          ],
        },
        resource: RESOURCES,
        interaction: [{ code: 'transaction' }],
      },
    ],
  };
}
