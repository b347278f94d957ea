/** Dates the person reads: "Tuesday 3 March 2026", in UK time, which is where schemes work. */
const longDate = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
/** Hours 0–23 and minutes in UK time; the words are put together here, so every browser says the same. */
const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date).replace(',', '');
}

/**
 * When a link stops working, NHS.UK style: "2:00pm on Tuesday 5 December 2026", "midday on …".
 * Midnight is named as the end of the day before, so nobody reads "midnight on Tuesday" as the
 * night after Tuesday.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: 'hour' | 'minute'): number => Number(clock.formatToParts(date).find((p) => p.type === type)?.value ?? '0');
  const hour = part('hour') % 24;
  const minute = part('minute');
  if (hour === 0 && minute === 0) return `midnight at the end of ${formatDate(new Date(date.getTime() - 60_000).toISOString())}`;
  if (hour === 12 && minute === 0) return `midday on ${formatDate(iso)}`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${String(h12)}:${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'} on ${formatDate(iso)}`;
}
