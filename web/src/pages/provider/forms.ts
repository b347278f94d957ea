import { ATTENDANCE_MARKS, type AttendanceMark } from '../../../../src/contracts/casework-codes.js';
import type { RegisterInput } from '../../../../src/contracts/onward.js';
import { providerCapacityInput, type ProviderCapacityInput } from '../../../../src/contracts/provider.js';
import { partsToIso, type DateParts } from '../../components/dateParts.js';
import { checkWith, type Checked } from '../../forms/errors.js';
import { plural } from '../referrals/labels.js';

/**
 * The provider portal's forms as pure functions: the register's marks, moving between session
 * weeks, the capacity form and the inbox's tabs.
 */

// Registers ---------------------------------------------------------------------------------------

export type Marks = Readonly<Record<string, AttendanceMark | undefined>>;

export function isMark(value: string): value is AttendanceMark {
  return (ATTENDANCE_MARKS as readonly string[]).includes(value);
}

/** The marks already saved for this session, as the register's starting state. */
export function savedMarks(rows: readonly { onwardReferralId: string; mark: AttendanceMark | null }[]): Record<string, AttendanceMark> {
  const marks: Record<string, AttendanceMark> = {};
  for (const row of rows) if (row.mark !== null) marks[row.onwardReferralId] = row.mark;
  return marks;
}

/** "Mark everyone as attended": the volunteer then changes the few who missed. */
export function everyoneAttended(rows: readonly { onwardReferralId: string }[]): Record<string, AttendanceMark> {
  return Object.fromEntries(rows.map((row) => [row.onwardReferralId, 'attended' as const]));
}

/**
 * The body to save: one mark per person marked, in the register's order. People left unmarked
 * are left out, so saving half a register does not record the rest as absent.
 */
export function registerBody(serviceId: string, date: string, rows: readonly { onwardReferralId: string }[], marks: Marks): RegisterInput {
  const chosen = rows.flatMap((row) => {
    const mark = marks[row.onwardReferralId];
    return mark === undefined ? [] : [{ onwardReferralId: row.onwardReferralId, mark }];
  });
  return { serviceId, date, marks: chosen };
}

export function savedText(saved: number): string {
  return `Saved ${plural(saved, 'mark', 'marks')}`;
}

/** "2026-11-24" moved by whole weeks, for the previous and next session of a weekly group. */
export function shiftDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

// Capacity --------------------------------------------------------------------------------------------

export const CAPACITY_FIELDS = ['capacityPlaces', 'waitlistCount', 'notTakingUntil'] as const;

/** An empty box means "not counted" (null); anything else must be a whole number. */
function count(raw: string): number | null | 'bad' {
  const text = raw.trim();
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : 'bad';
}

export function checkCapacity(values: { capacityPlaces: string; waitlistCount: string; notTakingUntil: DateParts }): Checked<ProviderCapacityInput> {
  const fields: Partial<Record<string, string>> = {};
  const places = count(values.capacityPlaces);
  const waiting = count(values.waitlistCount);
  if (places === 'bad') fields.capacityPlaces = 'Enter the number of places as a whole number, like 12, or leave it empty';
  if (waiting === 'bad') fields.waitlistCount = 'Enter the number of people waiting as a whole number, like 3, or leave it empty';
  const until = partsToIso(values.notTakingUntil);
  if (!until.ok && until.problem !== 'empty') fields.notTakingUntil = 'The date you take people again from must be a real date';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { detail: null, fields } };
  return checkWith(providerCapacityInput, {
    capacityPlaces: places,
    waitlistCount: waiting,
    notTakingUntil: until.ok ? until.iso : null,
  });
}

// The inbox ---------------------------------------------------------------------------------------------

export const INBOX_TABS = [
  { status: 'new', label: 'New' },
  { status: 'current', label: 'Current' },
  { status: 'ended', label: 'Ended' },
] as const;
export type InboxTab = (typeof INBOX_TABS)[number]['status'];

/** The tab in the address (?status=), defaulting to new referrals. */
export function readTab(params: URLSearchParams): InboxTab {
  const value = params.get('status');
  return INBOX_TABS.find((t) => t.status === value)?.status ?? 'new';
}

/** The register opens on a service that has people referred to it, when there is one. */
export function defaultServiceId(services: readonly { id: string; liveReferrals: number }[]): string | null {
  return (services.find((s) => s.liveReferrals > 0) ?? services[0])?.id ?? null;
}
