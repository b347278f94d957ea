import type { z } from 'zod';
import { ApiProblem } from '../../api/problem.js';
import { partsToIso, type DateParts } from '../../components/dateParts.js';
import { checkWith, fieldName, type Checked, type FormErrors } from '../../forms/errors.js';

/**
 * The referral page has several small forms at once, and field names such as "note" or "reason"
 * would repeat. Each form gives its fields page-unique ids and maps the contract's field names to
 * them, so errors from Zod or from the server land next to the right field on the right form.
 */
export type FieldMap = Readonly<Record<string, string>>;

function rename(name: string, map: FieldMap): string {
  return map[name] ?? name;
}

export function renameFormErrors(errors: FormErrors, map: FieldMap): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  for (const [name, message] of Object.entries(errors.fields)) {
    if (message !== undefined) fields[rename(name, map)] ??= message;
  }
  return { detail: errors.detail, fields };
}

/** checkWith, with the error keys renamed to the form's ids. */
export function checkRenamed<T>(schema: z.ZodType<T>, input: unknown, map: FieldMap): Checked<T> {
  const checked = checkWith(schema, input);
  return checked.ok ? checked : { ok: false, errors: renameFormErrors(checked.errors, map) };
}

/** The same problem with its field errors renamed to the form's ids. */
export function renameProblem(problem: ApiProblem, map: FieldMap): ApiProblem {
  const errors = problem.errors.map(({ field, message }) => ({ field: rename(fieldName(field), map), message }));
  return new ApiProblem(problem.status, problem.title, problem.detail, errors, problem.requestId);
}

/** Empty optional text is left out, so the contract's optional fields stay absent. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A 412: the referral changed since the page loaded it. */
export const STALE_MESSAGE = 'Someone else changed this referral. The page now shows the latest version.';

export function isStale(problem: ApiProblem): boolean {
  return problem.status === 412;
}

/** Makes the toProblem of one form: the page deals with ended sessions and 412s itself. */
export type ProblemFor = (map: FieldMap) => (error: unknown) => ApiProblem | null;

/** The date consent was given, from the NHS.UK date input's boxes, or the message to show. */
export function checkConsentDate(parts: DateParts, today: string): { ok: true; iso: string } | { ok: false; message: string } {
  const result = partsToIso(parts);
  if (!result.ok) {
    if (result.problem === 'empty') return { ok: false, message: 'Enter the date consent was given' };
    if (result.problem === 'incomplete') return { ok: false, message: 'The date consent was given must include a day, month and year' };
    return { ok: false, message: 'The date consent was given must be a real date' };
  }
  if (result.iso > today) return { ok: false, message: 'The date consent was given must be today or in the past' };
  return result;
}
