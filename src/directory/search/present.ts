import type { SearchResultView } from '../../contracts/directory-search.js';
import { isStale } from '../model.js';
import { ACCESS_LABELS, isAccessFeature, languageName } from './features.js';
import { clock, sessionsOf, WEEKDAY_NAMES } from './hours.js';
import type { SearchRow } from './query.js';
import { reasonsFor, type DisplaySession, type ReasonQuery } from './reasons.js';

/** Turning search rows into the API's result objects, with their sessions and reasons. */

/** A result's sessions (its own schedules and its sites'), by weekday then time, without repeats. */
export function sessionsOfRow(row: Pick<SearchRow, 'own_schedules' | 'site_schedules'>): DisplaySession[] {
  const sessions: DisplaySession[] = [];
  const seen = new Set<string>();
  for (const schedule of [...row.own_schedules, ...row.site_schedules]) {
    const monthly = schedule.freq === 'MONTHLY';
    for (const s of sessionsOf(schedule)) {
      const key = `${s.weekday}|${s.opensAt}|${s.closesAt}|${monthly}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sessions.push({ ...s, monthly });
    }
  }
  return sessions.sort((a, b) => a.weekday - b.weekday || a.opensAt - b.opensAt);
}

/** The start of the description, cut at a word, at most 200 characters. */
export function summaryOf(description: string | null): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  if (text.length <= 200) return text;
  const cut = text.slice(0, 199);
  const space = cut.lastIndexOf(' ');
  return `${(space > 120 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const toNumber = (value: string | number | null): number | null => (value === null ? null : Number(value));

export interface PresentContext {
  query: ReasonQuery;
  /** labels of the needs in the order of SearchRow.needs_met */
  needLabels: readonly string[];
  staleAfterDays: number;
  now: Date;
}

export function presentResult(row: SearchRow, context: PresentContext): SearchResultView {
  const sessions = sessionsOfRow(row);
  const distanceKm = row.distance_km === null ? null : Math.round(row.distance_km * 100) / 100;
  const minimumAge = toNumber(row.minimum_age);
  const maximumAge = toNumber(row.maximum_age);
  return {
    id: row.id,
    name: row.name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    summary: summaryOf(row.description),
    status: row.status === 'active' ? 'active' : 'paused',
    referralMode: row.referral_mode,
    latitude: row.latitude,
    longitude: row.longitude,
    distanceKm,
    free: row.free,
    sessions: sessions.map((s) => ({
      day: WEEKDAY_NAMES[s.weekday - 1] ?? 'Unknown',
      opensAt: clock(s.opensAt),
      closesAt: s.closesAt === null ? null : clock(s.closesAt),
      monthly: s.monthly,
    })),
    languages: row.language_codes.map((code) => ({ code, name: languageName(code) })),
    accessibility: row.accessibility_features.map((code) => ({ code, label: isAccessFeature(code) ? ACCESS_LABELS[code] : code })),
    capacity: { places: row.capacity_places, waitlist: row.waitlist_count, notTakingUntil: row.not_taking_until, available: row.available },
    preferred: row.preferred,
    stale: isStale(row.verified_at, context.now, context.staleAfterDays),
    verifiedAt: row.verified_at?.toISOString() ?? null,
    reasons: reasonsFor(context.query, {
      needsMet: context.needLabels.filter((_label, i) => row.needs_met[i] === true),
      distanceKm: row.distance_km,
      sessions,
      free: row.free,
      accessibility: row.accessibility_features,
      languageCodes: row.language_codes,
      minimumAge,
      maximumAge,
      available: row.available,
      preferred: row.preferred,
    }),
  };
}
