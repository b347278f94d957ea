import { directorySettingsUpdate, type DirectorySettings, type DirectorySettingsUpdate } from '../../../../../src/contracts/directory.js';
import type { ApiProblem } from '../../../api/problem.js';
import { formText, type Checked, type FormErrors } from '../../../forms/errors.js';

/**
 * The directory settings form read into the API's shape. The area is all or nothing: three
 * empty boxes mean "not listed"; a half-filled area is a mistake to point out, not to guess.
 */
export const SETTINGS_FIELDS = ['staleAfterDays', 'areaDescription', 'latitude', 'longitude', 'radiusKm', 'contactEmail', 'contactPhone'] as const;

/** Where an error about the API's field belongs on this form. */
export function settingsFieldId(path: readonly string[]): string {
  const parts = path.filter((p) => p !== 'body');
  if (parts[0] === 'area') return parts[1] === 'description' ? 'areaDescription' : (parts[1] ?? 'latitude');
  if (parts[0] === 'needTerms') return 'needTerms';
  return parts[0] ?? 'form';
}

function errorsFrom(issues: readonly { path: readonly string[]; message: string }[]): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  for (const issue of issues) fields[settingsFieldId(issue.path)] ??= issue.message;
  return { detail: null, fields };
}

export function settingsProblem(problem: ApiProblem): FormErrors {
  if (problem.errors.length === 0) return { detail: problem.detail, fields: {} };
  return errorsFrom(problem.errors.map((e) => ({ path: e.field.split('.'), message: e.message })));
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function decimal(value: string): number | null | 'bad' {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d{1,3}(\.\d+)?$/.test(trimmed) ? Number(trimmed) : 'bad';
}

/**
 * Reads and checks the form. `needCodes` are the needs the form showed term choices for; needs it
 * did not show keep the terms they had.
 */
export function readSettingsForm(data: FormData, current: DirectorySettings, needCodes: readonly string[]): Checked<DirectorySettingsUpdate> {
  const fields: Partial<Record<string, string>> = {};
  const days = formText(data, 'staleAfterDays').trim();
  if (!/^\d{1,4}$/.test(days)) fields.staleAfterDays = 'Enter a whole number of days, like 180';
  const lat = decimal(formText(data, 'latitude'));
  const lng = decimal(formText(data, 'longitude'));
  const radius = decimal(formText(data, 'radiusKm'));
  if (lat === 'bad') fields.latitude = 'Enter the latitude as a number, like 53.8150';
  if (lng === 'bad') fields.longitude = 'Enter the longitude as a number, like -1.5340';
  if (radius === 'bad') fields.radiusKm = 'Enter the distance as a number of kilometres, like 8';
  const parts = [lat, lng, radius];
  const filled = parts.filter((p) => p !== null).length;
  if (filled > 0 && filled < 3) {
    if (lat === null) fields.latitude = 'Enter the latitude of the centre of your area';
    if (lng === null) fields.longitude = 'Enter the longitude of the centre of your area';
    if (radius === null) fields.radiusKm = 'Enter the distance your scheme covers';
  }
  if (Object.keys(fields).length > 0) return { ok: false, errors: { detail: null, fields } };

  const needTerms: Record<string, string[]> = { ...current.needTerms };
  for (const code of needCodes) needTerms[code] = data.getAll(`need-${code}`).filter((v): v is string => typeof v === 'string');
  const area =
    typeof lat === 'number' && typeof lng === 'number' && typeof radius === 'number'
      ? { description: orNull(formText(data, 'areaDescription')), latitude: lat, longitude: lng, radiusKm: radius }
      : null;
  const parsed = directorySettingsUpdate.safeParse({
    staleAfterDays: Number(days),
    needTerms,
    area,
    contactEmail: orNull(formText(data, 'contactEmail')),
    contactPhone: orNull(formText(data, 'contactPhone')),
  });
  if (!parsed.success) return { ok: false, errors: errorsFrom(parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))) };
  return { ok: true, value: parsed.data };
}
