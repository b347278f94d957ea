/**
 * Times for casework in London wall-clock time, whatever the device's zone: a visit booked for
 * 14:30 means 14:30 in England, summer or winter. Pure, so the clock changes are unit tested.
 */
import { londonWall } from '../../../../src/casework/domain/london-clock.js';

export { londonWall };

const timeOnly = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Today's date in London, "2026-11-21": after 23:00 UTC on a summer evening it is already tomorrow there. */
export function londonToday(now: Date = new Date()): string {
  return londonWall(now).date;
}

/** "14:30", "9.05" or "0930" → "14:30", "09:05", "09:30"; null when it is not a time of day. */
export function readTime(value: string): string | null {
  const match = /^(\d{1,2})(?:[:.]?)(\d{2})$/.exec(value.trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(ms: number): number {
  const wall = londonWall(new Date(ms));
  const asUtc = Date.parse(`${wall.date}T${wall.time}:00Z`);
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/**
 * London date and time → an ISO instant with London's offset, like "2026-07-01T14:30:00+01:00".
 * The offset is found for that moment, so a booking in summer made in winter is still right.
 */
export function londonToIso(date: string, time: string): string {
  const wallAsUtc = Date.parse(`${date}T${time}:00Z`);
  // The offset at the guess may differ from the offset at the answer only across a clock change.
  let offset = londonOffsetMinutes(wallAsUtc);
  offset = londonOffsetMinutes(wallAsUtc - offset * 60_000);
  return `${date}T${time}:00${offsetText(offset)}`;
}

/** "14:30", London time. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeOnly.format(date);
}

/** 750 → "12 h 30 min"; 60 → "1 h"; 45 → "45 min"; 0 → "0 min". */
export function formatMinutes(total: number): string {
  const hours = Math.floor(total / 60);
  const minutes = total % 60;
  if (hours === 0) return `${minutes} min`;
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}
