import type { Organization, Reference } from '@medplum/fhirtypes';
import { ODS_SYSTEM } from './codes.js';

/** An organisation as the mappers need it. */
export interface OrganisationRef {
  id: string;
  name: string;
  odsCode: string | null;
}

/** What a referral's resources point at besides the referral itself. */
export interface ReferralContext {
  /** The scheme's host organisation: performer of the ServiceRequest and owner of the Task. */
  host: OrganisationRef;
  /** The organisation that referred, when there is one. */
  referrerOrganisation: OrganisationRef | null;
  /** The scheme's need categories, for labels. */
  needCategories?: readonly { code: string; label: string }[];
  /** Business identifiers integrations sent with the ServiceRequest. */
  identifiers?: readonly { system: string; value: string }[];
}

export function organisationReference(org: OrganisationRef, display = org.name): Reference<Organization> {
  return {
    reference: `Organization/${org.id}`,
    type: 'Organization',
    ...(org.odsCode ? { identifier: { system: ODS_SYSTEM, value: org.odsCode } } : {}),
    display,
  };
}

/** Who referred: their organisation, named with the referrer's own name when given. */
export function requesterReference(referrerName: string | null, org: OrganisationRef | null): Reference<Organization> | undefined {
  if (org) return organisationReference(org, referrerName ? `${referrerName}, ${org.name}` : org.name);
  return referrerName ? { display: referrerName } : undefined;
}

export const isoInstant = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
