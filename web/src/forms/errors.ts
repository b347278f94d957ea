import type { z } from 'zod';
import type { ApiProblem } from '../api/problem.js';

/**
 * What a form shows after a failed submit: an optional sentence for the error summary, and
 * messages keyed by field name. Field names double as input ids, so the summary can link to them.
 */
export interface FormErrors {
  detail: string | null;
  fields: Partial<Record<string, string>>;
}

export const noErrors: FormErrors = { detail: null, fields: {} };

export function hasErrors(errors: FormErrors): boolean {
  return errors.detail !== null || Object.keys(errors.fields).length > 0;
}

/** "body.scopes.0" names the field "scopes": the last segment that is not an array index. */
export function fieldName(path: string): string {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  return segments.at(-1) ?? path;
}

/**
 * Maps a problem onto the form. Errors for fields the form has go next to those fields; anything
 * else goes in the summary, so no message is lost. The server's detail for a validation failure
 * repeats the field messages in technical words, so it is shown only when no field matched.
 */
export function problemToFormErrors(problem: ApiProblem, formFields: readonly string[]): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  const unmatched: string[] = [];
  for (const { field, message } of problem.errors) {
    const name = fieldName(field);
    if (formFields.includes(name)) fields[name] ??= message;
    else unmatched.push(message);
  }
  const matched = Object.keys(fields).length > 0;
  const detail = unmatched.length > 0 ? unmatched.join('. ') : matched ? null : problem.detail;
  return { detail, fields };
}

/** Client-side checks use the same Zod contracts as the server, so the wording is the same. */
export function zodToFormErrors(error: z.ZodError): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const name = fieldName(issue.path.map(String).join('.'));
    fields[name] ??= issue.message;
  }
  return { detail: null, fields };
}

/** A form's values, checked and ready to send, or what to show instead. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FormErrors };

/** Checks a form's values with a Zod contract. */
export function checkWith<T>(schema: z.ZodType<T>, input: unknown): Checked<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: zodToFormErrors(parsed.error) };
}

/** Summary entries in the order the fields appear on the page. */
export function summaryItems(errors: FormErrors, order: readonly string[]): { field: string; message: string }[] {
  const known = order.filter((f) => errors.fields[f] !== undefined);
  const rest = Object.keys(errors.fields).filter((f) => !order.includes(f));
  return [...known, ...rest].map((field) => ({ field, message: errors.fields[field] ?? '' }));
}

/** FormData values are strings for text inputs; anything else (a file, nothing) reads as empty. */
export function formText(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : '';
}
