/**
 * Systems and codes the FHIR API speaks. Every external URL here is a published one: the NHS
 * number and ODS systems (NHS England), SNOMED CT, the R4 core task-code system and extension,
 * and the SDOH Clinical Care IG's category codes. Linkwell's own systems live under
 * https://linkwell.dev/fhir/.
 */
import { DEFAULT_NEED_CATEGORIES, type Urgency } from '../../contracts/referral-codes.js';

export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const ODS_SYSTEM = 'https://fhir.nhs.uk/Id/ods-organization-code';
export const SNOMED_SYSTEM = 'http://snomed.info/sct';
export const TASK_CODE_SYSTEM = 'http://hl7.org/fhir/CodeSystem/task-code';
export const INTERPRETER_REQUIRED_URL = 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired';
export const SDOHCC_SYSTEM = 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes';

export const REFERRAL_REFERENCE_SYSTEM = 'https://linkwell.dev/fhir/referral-reference';
export const REFERRAL_STATUS_SYSTEM = 'https://linkwell.dev/fhir/CodeSystem/referral-status';
export const NEED_CATEGORY_SYSTEM = 'https://linkwell.dev/fhir/CodeSystem/need-category';

/** Verified SNOMED CT concepts (PRODUCT.md §4; 410606002 as used by the SDOHCC IG). */
export const SOCIAL_PRESCRIBING_REFERRAL = { system: SNOMED_SYSTEM, code: '871731000000106', display: 'Referral to social prescribing service' };
export const SOCIAL_PRESCRIBING_DECLINED = { system: SNOMED_SYSTEM, code: '871711000000103', display: 'Social prescribing declined' };
export const SOCIAL_SERVICE_PROCEDURE = { system: SNOMED_SYSTEM, code: '410606002', display: 'Social service procedure' };
export const TASK_FULFILL = { system: TASK_CODE_SYSTEM, code: 'fulfill', display: 'Fulfill the focal request' };

export type FhirPriority = 'routine' | 'urgent' | 'asap' | 'stat';

export const PRIORITY_OF_URGENCY: Record<Urgency, FhirPriority> = { routine: 'routine', soon: 'urgent', urgent: 'asap' };

export function urgencyOfPriority(priority: string | undefined): Urgency {
  switch (priority) {
    case 'urgent':
      return 'soon';
    case 'asap':
    case 'stat':
      return 'urgent';
    default:
      return 'routine';
  }
}

/**
 * SDOHCC category codes → Linkwell need categories (DEFAULT_NEED_CATEGORIES). 'exact' when the
 * meaning is the same; 'closest' when it is the nearest need by meaning (the caller warns);
 * codes missing here have no need that fits and are reported as not mapped.
 */
export const SDOH_NEEDS: Readonly<Record<string, { need: string; match: 'exact' | 'closest' }>> = {
  'food-insecurity': { need: 'food', match: 'exact' },
  'housing-instability': { need: 'housing', match: 'exact' },
  homelessness: { need: 'housing', match: 'exact' },
  'inadequate-housing': { need: 'housing', match: 'exact' },
  'financial-insecurity': { need: 'money-debt', match: 'exact' },
  'material-hardship': { need: 'money-debt', match: 'exact' },
  'medical-cost-burden': { need: 'money-debt', match: 'closest' },
  'utility-insecurity': { need: 'money-debt', match: 'closest' },
  'social-connection': { need: 'loneliness', match: 'exact' },
  'employment-status': { need: 'employment-skills', match: 'exact' },
  'educational-attainment': { need: 'employment-skills', match: 'closest' },
  stress: { need: 'mental-wellbeing', match: 'exact' },
  'digital-literacy': { need: 'digital-inclusion', match: 'exact' },
  'digital-access': { need: 'digital-inclusion', match: 'exact' },
};

/** SDOHCC categories that signal risk: no need fits, but they are kept with the risk information. */
export const SDOH_RISK_CATEGORIES: ReadonlySet<string> = new Set(['intimate-partner-violence', 'elder-abuse']);

/** The SDOHCC code sent back beside our own need code, where the two mean the same. */
export const SDOH_OF_NEED: Readonly<Record<string, { code: string; display: string }>> = {
  food: { code: 'food-insecurity', display: 'Food Insecurity' },
  housing: { code: 'housing-instability', display: 'Housing Instability' },
  'money-debt': { code: 'financial-insecurity', display: 'Financial Insecurity' },
  loneliness: { code: 'social-connection', display: 'Social Connection' },
  'employment-skills': { code: 'employment-status', display: 'Employment Status' },
  'digital-inclusion': { code: 'digital-access', display: 'Digital Access' },
};

export function needLabel(code: string, categories: readonly { code: string; label: string }[] = DEFAULT_NEED_CATEGORIES): string {
  return categories.find((c) => c.code === code)?.label ?? code;
}

// Outcome measures -------------------------------------------------------------------------------

/** Linkwell's own namespace for canonical URLs and code systems. */
export const LINKWELL_FHIR = 'https://linkwell.dev/fhir';
export const OBSERVATION_CATEGORY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/observation-category';
export const SURVEY_CATEGORY = { system: OBSERVATION_CATEGORY_SYSTEM, code: 'survey', display: 'Survey' };
export const UCUM_SYSTEM = 'http://unitsofmeasure.org';
/** A score has no unit of measure: UCUM's annotation {score} says what the number is. */
export const SCORE_QUANTITY = { unit: '{score}', system: UCUM_SYSTEM, code: '{score}' } as const;
/** How a response was completed (self, with the link worker, from paper, entered), as a meta.tag. */
export const RESPONSE_MODE_SYSTEM = `${LINKWELL_FHIR}/CodeSystem/measure-response-mode`;

/** R4 core extensions used on Questionnaire items and answer codes. */
export const ORDINAL_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const MIN_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/minValue';
export const MAX_VALUE_URL = 'http://hl7.org/fhir/StructureDefinition/maxValue';
export const MAX_DECIMAL_PLACES_URL = 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces';
