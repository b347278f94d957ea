import { formatDistance } from '../geo/distance.js';
import { ACCESS_LABELS, languageName, type AccessFeature } from './features.js';
import { clock, slotsOfSession, slotsWanted, WEEKDAY_NAMES, type DayFilter, type TimeFilter } from './hours.js';

/**
 * Why a service was found, in plain phrases a link worker can read out: "meets need:
 * loneliness", "matches “walking”", "1.2 km away", "Tuesdays 10:00–11:30", "free". Pure: built
 * from what was asked and what the service is.
 */

export interface ReasonQuery {
  /** labels of the needs asked for (search: at most one; matching: the person's) */
  needs: readonly string[];
  /** the words searched for, after any typo correction */
  text: string | null;
  day: DayFilter | undefined;
  time: TimeFilter | undefined;
  free: boolean;
  access: readonly AccessFeature[];
  language: string | undefined;
  age: number | undefined;
}

export interface DisplaySession {
  weekday: number;
  opensAt: number;
  closesAt: number | null;
  monthly: boolean;
}

export interface ReasonFacts {
  /** labels of the asked-for needs this service meets */
  needsMet: readonly string[];
  distanceKm: number | null;
  sessions: readonly DisplaySession[];
  free: boolean;
  accessibility: readonly string[];
  languageCodes: readonly string[];
  minimumAge: number | null;
  maximumAge: number | null;
  available: boolean;
  preferred: boolean;
}

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);

/** "Tuesdays 10:00–11:30", "some Tuesdays from 18:00". */
export function sessionPhrase(session: DisplaySession): string {
  const day = `${session.monthly ? 'some ' : ''}${WEEKDAY_NAMES[session.weekday - 1] ?? 'Unknown day'}s`;
  const times = session.closesAt === null ? `from ${clock(session.opensAt)}` : `${clock(session.opensAt)}–${clock(session.closesAt)}`;
  return `${day} ${times}`;
}

/** Sessions that fall in the asked-for day and time; all of them when none was asked for. */
export function sessionsMatching(sessions: readonly DisplaySession[], day: DayFilter | undefined, time: TimeFilter | undefined): DisplaySession[] {
  const wanted = slotsWanted(day, time);
  if (wanted === null) return [...sessions];
  const set = new Set(wanted);
  return sessions.filter((s) => slotsOfSession(s).some((slot) => set.has(slot)));
}

function agePhrase(min: number | null, max: number | null): string | null {
  if (min !== null && max !== null) return `for ages ${min} to ${max}`;
  if (min !== null) return `for ages ${min} and over`;
  if (max !== null) return `for ages up to ${max}`;
  return null;
}

export function reasonsFor(query: ReasonQuery, facts: ReasonFacts): string[] {
  const reasons: string[] = [];
  for (const need of facts.needsMet) reasons.push(`meets need: ${lowerFirst(need)}`);
  if (query.text) reasons.push(`matches “${query.text}”`);
  if (facts.distanceKm !== null) reasons.push(`${formatDistance(facts.distanceKm)} away`);
  if (query.day !== undefined || query.time !== undefined) {
    const matching = sessionsMatching(facts.sessions, query.day, query.time);
    if (matching.length > 0) reasons.push(...matching.slice(0, 3).map(sessionPhrase));
  }
  if (facts.free) reasons.push('free');
  for (const code of query.access) if (facts.accessibility.includes(code)) reasons.push(ACCESS_LABELS[code]);
  if (query.language !== undefined && query.language !== 'en' && facts.languageCodes.includes(query.language)) {
    reasons.push(`in ${languageName(query.language)}`);
  }
  if (query.age !== undefined) {
    const phrase = agePhrase(facts.minimumAge, facts.maximumAge);
    if (phrase !== null) reasons.push(phrase);
  }
  if (facts.available) reasons.push('has places');
  if (facts.preferred) reasons.push('recommended by your scheme');
  return reasons;
}
