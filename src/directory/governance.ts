/**
 * Proportionate assurance: the few things a link worker should know before sending someone to
 * a group, said plainly. Only facts the organisation recorded are judged; a blank is not a
 * warning, because most imported listings carry no governance data at all.
 */

export interface GovernanceFacts {
  insuranceExpiresOn: string | null;
  safeguardingPolicyReviewedOn: string | null;
}

const DAY = 86_400_000;
const INSURANCE_NOTICE_DAYS = 30;
const SAFEGUARDING_REVIEW_DAYS = 365;

/** "2026-03-01" → "1 March 2026". */
export function dateInWords(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY);
}

/** `today` is the London calendar date, YYYY-MM-DD. */
export function governanceWarnings(facts: GovernanceFacts, today: string): string[] {
  const warnings: string[] = [];
  if (facts.insuranceExpiresOn !== null) {
    const left = daysBetween(today, facts.insuranceExpiresOn);
    if (left < 0) warnings.push(`Insurance expired on ${dateInWords(facts.insuranceExpiresOn)}`);
    else if (left <= INSURANCE_NOTICE_DAYS) warnings.push(`Insurance expires on ${dateInWords(facts.insuranceExpiresOn)}`);
  }
  if (facts.safeguardingPolicyReviewedOn !== null && daysBetween(facts.safeguardingPolicyReviewedOn, today) > SAFEGUARDING_REVIEW_DAYS) {
    warnings.push('Safeguarding policy not reviewed for over a year');
  }
  return warnings;
}
