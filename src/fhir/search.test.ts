import { describe, expect, it } from 'vitest';
import { dateRange } from './search.js';

const iso = (r: ReturnType<typeof dateRange>) => (r ? [r.low.toISOString(), r.high.toISOString()] : undefined);

describe('dateRange (search.html#date: a date stands for the range of its precision)', () => {
  it('reads years, months and days as UTC ranges', () => {
    expect(iso(dateRange('2026'))).toEqual(['2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(dateRange('2026-12'))).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(iso(dateRange('2026-02-28'))).toEqual(['2026-02-28T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });

  it('reads instants to the precision given, in their own time zone', () => {
    expect(iso(dateRange('2026-01-31T09:00+01:00'))).toEqual(['2026-01-31T08:00:00.000Z', '2026-01-31T08:01:00.000Z']);
    expect(iso(dateRange('2026-01-31T09:00:05Z'))).toEqual(['2026-01-31T09:00:05.000Z', '2026-01-31T09:00:06.000Z']);
    expect(iso(dateRange('2026-01-31T09:00:05.5Z'))).toEqual(['2026-01-31T09:00:05.500Z', '2026-01-31T09:00:05.600Z']);
  });

  it('refuses what is not a date, or a time without a zone', () => {
    for (const bad of ['', 'yesterday', '2026-13', '2026-02-30', '2026-01-31T09:00', '26-01-01']) expect(dateRange(bad), bad).toBeUndefined();
  });
});
