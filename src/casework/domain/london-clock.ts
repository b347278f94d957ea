/**
 * London wall-clock time, whatever the machine's zone: a visit booked for 14:30 means 14:30 in
 * England, summer or winter. Pure and free of imports, so the web app shares it.
 */
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface LondonWall {
  date: string;
  time: string;
}

/** An instant as London's date ("2026-11-21") and time ("14:30"). */
export function londonWall(instant: Date): LondonWall {
  const parts = londonClock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}
