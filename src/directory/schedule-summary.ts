/**
 * A schedule in words, the way a link worker would read it out: "Tuesdays 10:00–11:30",
 * "Mondays and Thursdays 14:00–16:00", "First Saturday of the month 10:00–12:00".
 * Pure, so every way of writing HSDS BYDAY is tested here.
 */

const DAY_NAMES: Record<string, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last' };

export interface ScheduleParts {
  byday: string | null;
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
  freq?: string | null;
}

/** "10:00:00" or "10:00" → "10:00". */
export function hoursMinutes(time: string | null): string | null {
  if (time === null) return null;
  const match = /^(\d{2}):(\d{2})/.exec(time);
  return match ? `${match[1]}:${match[2]}` : null;
}

function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

function capitalise(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/** "TU" → "Tuesdays", "1SA" → "first Saturday of the month"; null when BYDAY cannot be read. */
function daysInWords(byday: string): string | null {
  const weekly: string[] = [];
  const monthly: string[] = [];
  for (const token of byday.split(',').map((t) => t.trim().toUpperCase())) {
    const match = /^([+-]?\d)?([A-Z]{2})$/.exec(token);
    const day = match?.[2] ? DAY_NAMES[match[2]] : undefined;
    if (!match || !day) return null;
    const ordinal = match[1]?.replace('+', '');
    if (ordinal === undefined) {
      weekly.push(`${day}s`);
    } else {
      const word = ORDINALS[ordinal];
      if (!word) return null;
      monthly.push(`${word} ${day}`);
    }
  }
  const parts: string[] = [];
  if (weekly.length > 0) parts.push(listInWords(weekly));
  if (monthly.length > 0) parts.push(`${listInWords(monthly)} of the month`);
  return parts.length > 0 ? capitalise(parts.join(' and ')) : null;
}

function timesInWords(opensAt: string | null, closesAt: string | null): string | null {
  const opens = hoursMinutes(opensAt);
  const closes = hoursMinutes(closesAt);
  if (opens && closes) return `${opens}–${closes}`;
  if (opens) return `from ${opens}`;
  if (closes) return `until ${closes}`;
  return null;
}

export function scheduleSummary(schedule: ScheduleParts): string {
  const days = schedule.byday ? daysInWords(schedule.byday) : null;
  const times = timesInWords(schedule.opensAt, schedule.closesAt);
  if (days && times) return `${days} ${times}`;
  if (days) return days;
  const description = schedule.description?.trim();
  if (description) return times ? `${description} ${times}` : description;
  if (times) return capitalise(times);
  return 'Times not given';
}
