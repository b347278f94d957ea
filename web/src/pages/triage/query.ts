import { URGENCIES, type Urgency } from '../../../../src/contracts/referral-codes.js';
import { plural } from '../referrals/labels.js';

/**
 * Triage filters live in the address (practice, need, urgency), so a filtered queue can be
 * bookmarked or shared with a colleague. Values that could never match are dropped.
 */
export interface TriageFilters {
  practice?: string;
  need?: string;
  urgency?: Urgency;
}

const PRACTICE = /^[A-Z0-9]{3,10}$/;
const NEED = /^[a-z0-9-]{1,40}$/;

function isUrgency(value: string): value is Urgency {
  return (URGENCIES as readonly string[]).includes(value);
}

export function readTriageFilters(params: URLSearchParams): TriageFilters {
  const filters: TriageFilters = {};
  const practice = params.get('practice')?.trim().toUpperCase() ?? '';
  const need = params.get('need')?.trim() ?? '';
  const urgency = params.get('urgency')?.trim() ?? '';
  if (PRACTICE.test(practice)) filters.practice = practice;
  if (NEED.test(need)) filters.need = need;
  if (isUrgency(urgency)) filters.urgency = urgency;
  return filters;
}

/** Query string without "?", in a fixed order so the same filters give the same address. */
export function triageQuery(filters: TriageFilters): string {
  const params = new URLSearchParams();
  if (filters.practice !== undefined) params.set('practice', filters.practice);
  if (filters.need !== undefined) params.set('need', filters.need);
  if (filters.urgency !== undefined) params.set('urgency', filters.urgency);
  return params.toString();
}

export function hasFilters(filters: TriageFilters): boolean {
  return triageQuery(filters) !== '';
}

/** "Name (3 cases)", for the link worker select. */
export function caseloadOption(worker: { name: string; caseload: number }): string {
  return `${worker.name} (${plural(worker.caseload, 'case', 'cases')})`;
}

/** "Allocated 2 referrals to Sam Patel". */
export function allocatedMessage(count: number, name: string): string {
  return `Allocated ${plural(count, 'referral', 'referrals')} to ${name}`;
}
