/**
 * Value rules of the ORUK v3.0-UK schemas, applied by every presenter. The schemas allow no
 * null anywhere and check `uri`, `email` and `date-time` formats, so an absent value is left
 * out rather than sent as null or "", and a stored value that would break its format (an
 * imported website without its scheme, say) is left out too: a consumer is better served by
 * no link than by an answer its validator rejects.
 */

export type OrukObject = Record<string, unknown>;

/** Keeps only the keys whose value is set; the order of the keys is the order given. */
export function present(fields: OrukObject): OrukObject {
  const out: OrukObject = {};
  for (const [key, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null) out[key] = value;
  }
  return out;
}

/** Optional text: blank reads as absent. */
export function text(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value.trim() === '' ? undefined : value;
}

/** An absolute URI (a scheme, then something), as the `uri` format asks. */
export function uri(value: string | null | undefined): string | undefined {
  const given = text(value);
  if (given === undefined || /\s/.test(given) || !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$/.test(given)) return undefined;
  return URL.canParse(given) ? given : undefined;
}

const EMAIL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$/;

export function email(value: string | null | undefined): string | undefined {
  const given = text(value);
  return given !== undefined && EMAIL.test(given) ? given : undefined;
}

/** PostgreSQL numeric columns arrive as strings; the schemas want JSON numbers. */
export function numberOf(value: string | number | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const parsed = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A timestamp as RFC 3339 date-time in UTC. */
export function dateTime(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A time column ('HH:MM:SS', perhaps with fractions) as HH:MM:SS. */
export function timeOfDay(value: string | null | undefined): string | undefined {
  const given = text(value);
  return given === undefined ? undefined : given.slice(0, 8);
}
