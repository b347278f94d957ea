/**
 * When a service runs, as hour slots: weekday × 100 + hour, Monday = 1 … Sunday = 7, so a
 * Tuesday session 10:00–11:30 is [210, 211]. Search filters on day and time of day by
 * overlapping these slots with the slots the caller asked for (a GIN index on the array).
 * Pure.
 */

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The parts of an HSDS schedule that say when it runs. */
export interface ScheduleTimes {
  freq: string | null;
  byday: string | null;
  opens_at: string | null;
  closes_at: string | null;
}

/** 'HH:MM' or 'HH:MM:SS' → minutes after midnight; anything else → null. 24:00 is allowed as a closing time. */
export function minutesOf(time: string | null): number | null {
  if (time === null) return null;
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(time.trim());
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  return hours * 60 + minutes;
}

/**
 * The weekdays (1 = Monday) in an RFC 5545 BYDAY list: "MO,TU", or with an ordinal for monthly
 * rules ("2TU", "-1FR"), which still happen on that weekday. Unknown parts are skipped.
 */
export function weekdaysOf(byday: string | null): number[] {
  if (byday === null) return [];
  const days = new Set<number>();
  for (const part of byday.split(',')) {
    const match = /^[+-]?\d{0,2}([A-Za-z]{2})$/.exec(part.trim());
    if (!match?.[1]) continue;
    const index = WEEKDAY_CODES.indexOf(match[1].toUpperCase() as WeekdayCode);
    if (index >= 0) days.add(index + 1);
  }
  return [...days].sort((a, b) => a - b);
}

/** A schedule that happens on known weekdays at a known time: weekly (or unstated) and monthly-by-weekday. */
export interface Session {
  /** 1 = Monday … 7 = Sunday */
  weekday: number;
  opensAt: number;
  closesAt: number | null;
}

export function sessionsOf(schedule: ScheduleTimes): Session[] {
  const freq = schedule.freq?.toUpperCase() ?? null;
  if (freq !== null && freq !== 'WEEKLY' && freq !== 'MONTHLY') return [];
  const opensAt = minutesOf(schedule.opens_at);
  if (opensAt === null || opensAt >= 24 * 60) return [];
  const closesAt = minutesOf(schedule.closes_at);
  return weekdaysOf(schedule.byday).map((weekday) => ({ weekday, opensAt, closesAt }));
}

const slot = (weekday: number, hour: number): number => weekday * 100 + hour;
const nextDay = (weekday: number): number => (weekday % 7) + 1;

/**
 * The hour slots a session touches. An hour counts when any part of it is open, so 10:00–11:30
 * covers 10 and 11, and a session ending at 12:00 exactly does not cover 12. Without a closing
 * time only the opening hour counts. A closing time at or before the opening time runs past
 * midnight into the next day (a night shelter 20:00–08:00), except when both are equal, which
 * says nothing about length and counts as the opening hour.
 */
export function slotsOfSession(session: Session): number[] {
  const { weekday, opensAt, closesAt } = session;
  const firstHour = Math.floor(opensAt / 60);
  if (closesAt === null || closesAt === opensAt) return [slot(weekday, firstHour)];
  const slots: number[] = [];
  if (closesAt > opensAt) {
    for (let hour = firstHour; hour * 60 < closesAt; hour++) slots.push(slot(weekday, hour));
    return slots;
  }
  for (let hour = firstHour; hour < 24; hour++) slots.push(slot(weekday, hour));
  const next = nextDay(weekday);
  for (let hour = 0; hour * 60 < closesAt; hour++) slots.push(slot(next, hour));
  return slots;
}

/** Every hour slot of every schedule, sorted and without repeats. Schedules that cannot be placed are ignored. */
export function openHoursOf(schedules: readonly ScheduleTimes[]): number[] {
  const slots = new Set<number>();
  for (const schedule of schedules) {
    for (const session of sessionsOf(schedule)) for (const s of slotsOfSession(session)) slots.add(s);
  }
  return [...slots].sort((a, b) => a - b);
}

export const DAY_FILTERS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayFilter = (typeof DAY_FILTERS)[number];
export const TIME_FILTERS = ['morning', 'afternoon', 'evening'] as const;
export type TimeFilter = (typeof TIME_FILTERS)[number];

/** [first hour, end hour) of each part of the day. */
export const TIME_RANGES: Record<TimeFilter, readonly [number, number]> = {
  morning: [6, 12],
  afternoon: [12, 17],
  evening: [17, 22],
};

export const TIME_LABELS: Record<TimeFilter, string> = {
  morning: 'Morning (6am to midday)',
  afternoon: 'Afternoon (midday to 5pm)',
  evening: 'Evening (5pm to 10pm)',
};

/**
 * The slots a day and/or time filter asks for: a service matches when it runs in any of them.
 * Neither → null (no filter).
 */
export function slotsWanted(day: DayFilter | undefined, time: TimeFilter | undefined): number[] | null {
  if (day === undefined && time === undefined) return null;
  const days = day === undefined ? [1, 2, 3, 4, 5, 6, 7] : [DAY_FILTERS.indexOf(day) + 1];
  const [from, to] = time === undefined ? [0, 24] : TIME_RANGES[time];
  const slots: number[] = [];
  for (const d of days) for (let hour = from; hour < to; hour++) slots.push(slot(d, hour));
  return slots;
}

/** Minutes after midnight → 'HH:MM'. */
export function clock(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
