/**
 * The minimum set sent to a provider, worked out once when the referral is made and kept as a
 * snapshot: the provider reads this and nothing else about the person. Only the fields the
 * scheme chose for this partner go in; a field not chosen is absent, not empty, so the provider
 * cannot tell a missing answer from something withheld. Pure.
 *
 * What is never here, whatever the settings: the NHS number, clinical notes, the referral's
 * reason and risk notes (written for the link worker, not for a group's volunteers), other
 * referrals, the person's own view on the referral form, and next of kin.
 */
import type { ShareField } from '../../contracts/casework-codes.js';
import type { SharedDetails } from '../../contracts/onward.js';

export interface SnapshotPerson {
  givenName: string;
  familyName: string;
  preferredName: string | null;
  phone: string | null;
  email: string | null;
  preferredContactMethod: string | null;
  contactTimes: string | null;
  language: string | null;
  interpreterNeeded: boolean;
  accessibleFormats: readonly string[];
  dateOfBirth: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
}

export interface SnapshotInput {
  person: SnapshotPerson;
  /** Written by the link worker for this provider. */
  needSummary: string;
  /** Risks to the provider's staff, written by the link worker for this provider; never the referral's risk notes. */
  risks: string | undefined;
  /** Titles of the goals chosen for this service, already checked to belong to the case. */
  goals: readonly string[];
  fields: readonly ShareField[];
}

function addressOf(person: SnapshotPerson): string | null {
  const parts = [person.addressLine1, person.addressLine2, person.town, person.postcode].map((p) => p?.trim() ?? '').filter((p) => p !== '');
  return parts.length > 0 ? parts.join(', ') : null;
}

export function sharedSnapshot(input: SnapshotInput): SharedDetails {
  const { person } = input;
  const out: SharedDetails = {};
  for (const field of new Set(input.fields)) {
    switch (field) {
      case 'name':
        out.name = `${person.givenName} ${person.familyName}`.trim();
        out.preferredName = person.preferredName;
        break;
      case 'contact':
        out.contact = { phone: person.phone, email: person.email, preferredMethod: person.preferredContactMethod, times: person.contactTimes };
        break;
      case 'need_summary':
        out.needSummary = input.needSummary;
        break;
      case 'goals':
        out.goals = [...input.goals];
        break;
      case 'communication_needs':
        out.communicationNeeds = {
          language: person.language,
          interpreterNeeded: person.interpreterNeeded,
          accessibleFormats: [...person.accessibleFormats],
        };
        break;
      case 'risks':
        out.risks = input.risks?.trim() ?? '';
        break;
      case 'date_of_birth':
        out.dateOfBirth = person.dateOfBirth;
        break;
      case 'address':
        out.address = addressOf(person);
        break;
      default: {
        const unreachable: never = field;
        return unreachable;
      }
    }
  }
  return out;
}
