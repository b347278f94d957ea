/**
 * Person ↔ FHIR Patient. Outbound carries what FHIR R4 has a place for; inbound reads the same
 * elements back and reports every other element as a warning with its FHIRPath.
 */
import type { Address, ContactPoint, HumanName, Patient } from '@medplum/fhirtypes';
import type { PersonFormValues, PersonInput } from '../../contracts/people.js';
import type { ContactMethod, Sex } from '../../contracts/referral-codes.js';
import type { PersonRow } from '../../db/schema.js';
import { normalisePostcode } from '../../referrals/domain/postcode.js';
import { INTERPRETER_REQUIRED_URL, NHS_NUMBER_SYSTEM, ODS_SYSTEM } from './codes.js';
import { conceptText, eachElement, isCurrent, MappingReport, type MappingIssue } from './issues.js';

export interface BusinessIdentifier {
  system: string;
  value: string;
}

const GENDER_OF_SEX: Record<Sex, NonNullable<Patient['gender']>> = {
  female: 'female',
  male: 'male',
  intersex: 'other',
  'not-known': 'unknown',
  'not-stated': 'unknown',
};

const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();

function telecomOf(row: PersonRow): ContactPoint[] {
  const preferred = row.preferred_contact_method;
  const telecom: ContactPoint[] = [];
  if (row.phone) {
    const system = preferred === 'sms' ? 'sms' : 'phone';
    telecom.push({ system, value: row.phone, ...(preferred === 'phone' || preferred === 'sms' ? { rank: 1 } : {}) });
  }
  if (row.email) telecom.push({ system: 'email', value: row.email, ...(preferred === 'email' ? { rank: 1 } : {}) });
  return telecom;
}

/** Linkwell person → FHIR Patient. `identifiers` are the business identifiers integrations sent. */
export function toPatient(row: PersonRow, identifiers: readonly BusinessIdentifier[] = []): Patient {
  const lines = [row.address_line1, row.address_line2].filter((l): l is string => Boolean(l));
  const hasAddress = lines.length > 0 || row.town || row.postcode;
  const names: HumanName[] = [{ use: 'official', family: row.family_name, given: [row.given_name] }];
  if (row.preferred_name) names.push({ use: 'usual', family: row.family_name, given: [row.preferred_name] });
  const telecom = telecomOf(row);
  const kin = row.next_of_kin;
  const identifier = [
    ...(row.nhs_number ? [{ system: NHS_NUMBER_SYSTEM, value: row.nhs_number }] : []),
    ...identifiers.map((i) => ({ system: i.system, value: i.value })),
  ];
  return {
    resourceType: 'Patient',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: iso(row.updated_at) },
    ...(row.interpreter_needed ? { extension: [{ url: INTERPRETER_REQUIRED_URL, valueBoolean: true }] } : {}),
    // FHIR JSON has no empty arrays: a person without an NHS number or identifiers has no identifier.
    ...(identifier.length > 0 ? { identifier } : {}),
    active: row.merged_into_id === null,
    name: names,
    ...(telecom.length > 0 ? { telecom } : {}),
    ...(row.sex ? { gender: GENDER_OF_SEX[row.sex as Sex] } : {}),
    ...(row.date_of_birth ? { birthDate: row.date_of_birth } : {}),
    ...(hasAddress
      ? {
          address: [
            {
              use: 'home' as const,
              ...(lines.length > 0 ? { line: lines } : {}),
              ...(row.town ? { city: row.town } : {}),
              ...(row.postcode ? { postalCode: row.postcode } : {}),
            },
          ],
        }
      : {}),
    ...(kin
      ? {
          contact: [
            {
              relationship: [{ text: kin.relationship }, ...(kin.isCarer ? [{ text: 'Carer' }] : [])],
              name: { text: kin.name },
              ...(kin.phone ? { telecom: [{ system: 'phone' as const, value: kin.phone }] } : {}),
            },
          ],
        }
      : {}),
    ...(row.language ? { communication: [{ language: { text: row.language }, preferred: true }] } : {}),
    ...(row.gp_practice_ods
      ? { generalPractitioner: [{ type: 'Organization', identifier: { system: ODS_SYSTEM, value: row.gp_practice_ods } }] }
      : {}),
    ...(row.merged_into_id ? { link: [{ other: { reference: `Patient/${row.merged_into_id}` }, type: 'replaced-by' as const }] } : {}),
  };
}

export interface PatientMapping {
  input: PersonFormValues;
  /** Where each field came from, so a validation error can name the FHIR element. */
  paths: Partial<Record<keyof PersonInput, string>>;
  identifiers: BusinessIdentifier[];
  warnings: MappingIssue[];
  errors: MappingIssue[];
}

const UK_COUNTRIES = new Set(['GB', 'GBR', 'UK', 'UNITED KINGDOM', 'ENGLAND', 'WALES', 'SCOTLAND', 'NORTHERN IRELAND']);

/** Picks the entry to use: the first current one of the preferred uses, else the first current, else the first. */
function pick(items: readonly { use?: string; period?: { end?: string } }[], uses: readonly string[], today: string): number {
  for (const use of uses) {
    const i = items.findIndex((x) => x.use === use && isCurrent(x.period, today));
    if (i >= 0) return i;
  }
  const current = items.findIndex((x) => isCurrent(x.period, today));
  return current >= 0 ? current : 0;
}

/** FHIR Patient → the person fields of a referral, with every element it could not keep reported. */
export function fromPatient(patient: Patient, today: string = new Date().toISOString().slice(0, 10)): PatientMapping {
  const report = new MappingReport();
  const input: PersonFormValues = { givenName: '', familyName: '', dateOfBirth: '' };
  const paths: PatientMapping['paths'] = { givenName: 'Patient.name', familyName: 'Patient.name', dateOfBirth: 'Patient.birthDate' };
  const identifiers: BusinessIdentifier[] = [];
  let telecomPreference: ContactMethod | undefined;

  eachElement(patient, 'Patient', report, {
    identifier: () => {
      patient.identifier?.forEach((id, i) => {
        const path = `Patient.identifier[${i}]`;
        if (id.system === NHS_NUMBER_SYSTEM && input.nhsNumber === undefined) {
          input.nhsNumber = id.value ?? '';
          paths.nhsNumber = `${path}.value`;
          if (id.extension) report.notKept(`${path}.extension`, 'The NHS number verification status');
        } else if (id.system && id.value && id.system !== NHS_NUMBER_SYSTEM) {
          identifiers.push({ system: id.system, value: id.value });
          if (id.type || id.use || id.period || id.assigner) report.warn(path, 'Only the system and value of this identifier are kept.');
        } else report.notKept(path, 'An identifier without a system and value, or a second NHS number,');
      });
    },
    active: (path) => {
      if (patient.active === false) report.warn(path, 'The record is marked inactive; Linkwell keeps it as an active person.');
    },
    name: () => {
      const names = patient.name ?? [];
      const chosen = pick(names, ['official', 'usual'], today);
      names.forEach((name, i) => {
        const path = `Patient.name[${i}]`;
        if (i === chosen) {
          input.givenName = (name.given ?? []).join(' ');
          input.familyName = name.family ?? '';
          paths.givenName = `${path}.given`;
          paths.familyName = `${path}.family`;
          if (name.prefix || name.suffix) report.notKept(path, 'Name prefixes and suffixes');
          if (!name.family && name.text) report.warn(path, 'Only name.text was sent; Linkwell needs name.family and name.given.');
        } else if ((name.use === 'usual' || name.use === 'nickname') && isCurrent(name.period, today) && name.given?.[0] && !input.preferredName) {
          input.preferredName = name.given.join(' ');
          paths.preferredName = `${path}.given`;
        } else report.notKept(path, 'This other name');
      });
    },
    telecom: () => {
      patient.telecom?.forEach((t, i) => {
        const path = `Patient.telecom[${i}]`;
        const current = isCurrent(t.period, today);
        if ((t.system === 'phone' || t.system === 'sms') && current && input.phone === undefined && t.value) {
          input.phone = t.value;
          paths.phone = `${path}.value`;
          if (t.rank === 1) telecomPreference = t.system === 'sms' ? 'sms' : 'phone';
        } else if (t.system === 'email' && current && input.email === undefined && t.value) {
          input.email = t.value;
          paths.email = `${path}.value`;
          if (t.rank === 1) telecomPreference = 'email';
        } else report.notKept(path, 'This contact point');
      });
    },
    gender: (path) => {
      const sex: Sex | undefined = patient.gender === 'female' || patient.gender === 'male' ? patient.gender : patient.gender === 'unknown' ? 'not-known' : undefined;
      if (sex) {
        input.sex = sex;
        paths.sex = path;
      } else report.warn(path, `Gender "${patient.gender ?? ''}" has no equivalent in the sex Linkwell records, so it is not kept.`);
    },
    birthDate: (path) => {
      input.dateOfBirth = patient.birthDate ?? '';
      paths.dateOfBirth = path;
    },
    address: () => readAddress(patient.address ?? [], input, paths, report, today),
    communication: () => {
      const list = patient.communication ?? [];
      const chosen = Math.max(0, list.findIndex((c) => c.preferred));
      list.forEach((c, i) => {
        const text = conceptText(c.language);
        if (i === chosen && text) {
          input.language = text;
          paths.language = `Patient.communication[${i}].language`;
        } else report.notKept(`Patient.communication[${i}]`, 'This additional language');
      });
    },
    extension: () => {
      patient.extension?.forEach((ext, i) => {
        if (ext.url === INTERPRETER_REQUIRED_URL && typeof ext.valueBoolean === 'boolean') {
          input.interpreterNeeded = ext.valueBoolean;
          paths.interpreterNeeded = `Patient.extension[${i}].valueBoolean`;
        } else report.notKept(`Patient.extension[${i}]`, `The extension ${ext.url}`);
      });
    },
    generalPractitioner: () => {
      patient.generalPractitioner?.forEach((gp, i) => {
        const path = `Patient.generalPractitioner[${i}]`;
        if (gp.identifier?.system === ODS_SYSTEM && gp.identifier.value && input.gpPracticeOds === undefined) {
          input.gpPracticeOds = gp.identifier.value;
          paths.gpPracticeOds = `${path}.identifier.value`;
        } else report.warn(path, 'Only a GP practice given by its ODS code (identifier system https://fhir.nhs.uk/Id/ods-organization-code) is kept.');
      });
    },
    contact: () => {
      patient.contact?.forEach((c, i) => {
        const path = `Patient.contact[${i}]`;
        const name = c.name?.text ?? [c.name?.given?.join(' '), c.name?.family].filter(Boolean).join(' ');
        const relationship = conceptText(c.relationship?.[0]);
        if (i === 0 && name && relationship) {
          const phone = c.telecom?.find((t) => t.system === 'phone')?.value;
          const isCarer = (c.relationship ?? []).some((r) => /carer/i.test(conceptText(r) ?? ''));
          input.nextOfKin = { name, relationship, phone: phone ?? null, isCarer };
          paths.nextOfKin = path;
          if (c.address || c.organization || c.gender) report.notKept(path, 'The contact’s address, organisation and gender');
        } else report.notKept(path, 'This contact (Linkwell keeps one next of kin, with a name and relationship)');
      });
    },
  });
  if (telecomPreference) input.preferredContactMethod = telecomPreference;
  return { input, paths, identifiers, warnings: report.warnings, errors: report.errors };
}

function readAddress(addresses: readonly Address[], input: PersonFormValues, paths: PatientMapping['paths'], report: MappingReport, today: string): void {
  const chosen = pick(addresses, ['home'], today);
  addresses.forEach((address, i) => {
    const path = `Patient.address[${i}]`;
    if (i !== chosen) {
      report.notKept(path, 'This other address');
      return;
    }
    const [first, ...rest] = address.line ?? [];
    if (first) {
      input.addressLine1 = first;
      paths.addressLine1 = `${path}.line[0]`;
    }
    if (rest.length > 0) {
      input.addressLine2 = rest.join(', ');
      paths.addressLine2 = `${path}.line[1]`;
    }
    const town = address.city ?? address.district;
    if (town) {
      input.town = town;
      paths.town = `${path}.${address.city ? 'city' : 'district'}`;
    }
    if (address.postalCode) {
      if (normalisePostcode(address.postalCode)) {
        input.postcode = address.postalCode;
        paths.postcode = `${path}.postalCode`;
      } else report.warn(`${path}.postalCode`, `"${address.postalCode}" is not a UK postcode, so it is not kept.`);
    }
    if (address.state) report.notKept(`${path}.state`);
    if (address.country && !UK_COUNTRIES.has(address.country.trim().toUpperCase())) {
      report.warn(`${path}.country`, `The address is outside the UK (${address.country}); the country is not kept.`);
    }
    if (address.text && !first) report.warn(`${path}.text`, 'Only structured address lines are kept, not address.text.');
  });
}
