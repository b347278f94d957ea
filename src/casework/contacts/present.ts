import type { Selectable } from 'kysely';
import type { CaseworkSettings, Contact, LoneWorking } from '../../contracts/casework.js';
import type { ContactsTable, LoneWorkingVisitsTable } from '../../db/schema-casework.js';
import type { SchemeScope } from '../../data/access.js';
import { loneWorkingState } from '../domain/lone-working.js';

export type ContactRow = Selectable<ContactsTable>;
export type VisitRow = Selectable<LoneWorkingVisitsTable>;

const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

/** The lone-working facts of a visit as the domain sees them at `now`. */
export function visitState(visit: VisitRow, settings: Pick<CaseworkSettings, 'loneWorkingGraceMinutes' | 'loneWorkingIntervalMinutes'>, now: Date): ReturnType<typeof loneWorkingState> {
  return loneWorkingState({
    expectedAt: new Date(visit.expected_check_in_at),
    checkIn: visit.check_in !== null && visit.checked_in_at !== null ? { kind: visit.check_in, at: new Date(visit.checked_in_at) } : null,
    acknowledgedAt: visit.acknowledged_at === null ? null : new Date(visit.acknowledged_at),
    now,
    graceMinutes: settings.loneWorkingGraceMinutes,
    intervalMinutes: settings.loneWorkingIntervalMinutes,
  });
}

export function presentLoneWorking(visit: VisitRow, settings: CaseworkSettings, now: Date): LoneWorking {
  const { state, level } = visitState(visit, settings, now);
  return {
    expectedCheckInAt: iso(visit.expected_check_in_at),
    state,
    level,
    checkIn: visit.check_in,
    checkedInAt: isoOrNull(visit.checked_in_at),
    acknowledgedAt: isoOrNull(visit.acknowledged_at),
    acknowledgedBy: visit.acknowledged_by_label,
  };
}

export function presentContact(row: ContactRow, visit: VisitRow | undefined, settings: CaseworkSettings, now: Date): Contact {
  return {
    id: row.id,
    referralId: row.referral_id,
    mode: row.mode,
    status: row.status,
    scheduledAt: iso(row.scheduled_at),
    durationMinutes: row.duration_minutes,
    location: row.location,
    attendees: row.attendees,
    notes: row.notes,
    cancelReason: row.cancel_reason,
    worker: row.worker_label,
    workerId: row.worker_id,
    loneWorking: visit ? presentLoneWorking(visit, settings, now) : null,
    version: row.version,
  };
}

/** The lone-working rows of these contacts, by contact id. */
export async function visitsOf(scope: SchemeScope, contactIds: readonly string[]): Promise<Map<string, VisitRow>> {
  if (contactIds.length === 0) return new Map();
  const rows = await scope.db
    .selectFrom('lone_working_visits')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('contact_id', 'in', [...contactIds])
    .execute();
  return new Map(rows.map((row) => [row.contact_id, row]));
}
