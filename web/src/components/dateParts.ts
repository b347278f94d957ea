/**
 * Dates typed as day, month and year (the NHS.UK date input), checked the way the design system
 * words its errors. Pure functions, so they are unit tested.
 */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export type PartsResult = { ok: true; iso: string } | { ok: false; problem: 'empty' | 'incomplete' | 'invalid' };

/** Today as YYYY-MM-DD in the device's own calendar (what the person typing thinks of as today). */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Reads the three boxes of a date input named `name` from any record of form values. */
export function partsOf(values: Readonly<Record<string, unknown>>, name: string): DateParts {
  const read = (part: string): string => {
    const value = values[`${name}-${part}`];
    return typeof value === 'string' ? value : '';
  };
  return { day: read('day'), month: read('month'), year: read('year') };
}

/** "31", "3", "1980" → "1980-03-31", checking that the day exists in that month. */
export function partsToIso(parts: DateParts): PartsResult {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === '' && month === '' && year === '') return { ok: false, problem: 'empty' };
  if (day === '' || month === '' || year === '') return { ok: false, problem: 'incomplete' };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { ok: false, problem: 'invalid' };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return { ok: false, problem: 'invalid' };
  return { ok: true, iso: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}` };
}

/** "1980-03-31" → boxes showing 31, 3, 1980; anything else gives empty boxes. */
export function isoToParts(iso: string): DateParts {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) return { day: '', month: '', year: '' };
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] ?? '' };
}

/**
 * A date of birth, or the message to show. `whose` is "their" on a form about someone else and
 * "your" on a form people fill in for themselves.
 */
export function checkDateOfBirth(parts: DateParts, today: string, whose: 'their' | 'your'): { ok: true; iso: string } | { ok: false; message: string } {
  const result = partsToIso(parts);
  if (!result.ok) {
    if (result.problem === 'empty') return { ok: false, message: `Enter ${whose} date of birth` };
    if (result.problem === 'incomplete') return { ok: false, message: 'Date of birth must include a day, month and year' };
    return { ok: false, message: 'Date of birth must be a real date' };
  }
  if (result.iso >= today) return { ok: false, message: 'Date of birth must be in the past' };
  if (result.iso < '1900-01-01') return { ok: false, message: 'Date of birth must be after 1900' };
  return result;
}
