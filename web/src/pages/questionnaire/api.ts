import type { z } from 'zod';
import type { MeasureAnswers } from '../../../../src/contracts/outcomes.js';

/**
 * The person's questionnaire talks to the three public endpoints. The token goes in the JSON
 * body only: it sits in the page's hash, which browsers never send, so no address that reaches
 * the server or a log holds it. A refusal keeps the problem's code (the last part of its type),
 * which decides the kind message the person sees.
 */

export const GONE_CODES = ['link-submitted', 'link-expired', 'link-revoked'] as const;
export type GoneCode = (typeof GONE_CODES)[number];

export class QuestionnaireProblem extends Error {
  constructor(
    readonly status: number,
    /** link-submitted, link-unknown, throttled, validation…; '' when the answer had no type. */
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly { field: string; message: string }[] = [],
  ) {
    super(detail);
    this.name = 'QuestionnaireProblem';
  }
}

/** "https://linkwell.dev/problems/link-expired" → "link-expired". */
export function problemCode(type: unknown): string {
  if (typeof type !== 'string') return '';
  return type.split('/').filter((s) => s !== '').at(-1) ?? '';
}

/** The token from the page's hash ("#abc…"), or null when there is none to try. */
export function tokenFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  let token: string;
  try {
    token = decodeURIComponent(raw).trim();
  } catch {
    // A mangled link (a stray %): try it as it is, and let the server say it does not know it.
    token = raw.trim();
  }
  return token === '' ? null : token;
}

export function isGone(code: string): code is GoneCode {
  return (GONE_CODES as readonly string[]).includes(code);
}

const field = (body: Record<string, unknown>, key: string): unknown => body[key];

function toProblem(status: number, body: unknown): QuestionnaireProblem {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const detail = field(record, 'detail');
  const errors = field(record, 'errors');
  const fieldErrors = Array.isArray(errors)
    ? errors.filter((e): e is { field: string; message: string } => typeof e === 'object' && e !== null && typeof (e as { field?: unknown }).field === 'string' && typeof (e as { message?: unknown }).message === 'string')
    : [];
  return new QuestionnaireProblem(status, problemCode(field(record, 'type')), typeof detail === 'string' ? detail : 'Something went wrong. Try again later.', fieldErrors);
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

const OFFLINE = new QuestionnaireProblem(0, 'network', 'We could not reach the service. Check your connection and try again. Your answers are still on this page.');

async function call(path: string, body: unknown, csrfToken: string | null): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  // Someone signed in to Linkwell in the same browser has a session cookie, and the server then wants its CSRF token.
  if (csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  } catch {
    throw OFFLINE;
  }
  if (!response.ok) throw toProblem(response.status, await readJson(response));
  return response;
}

export async function postQuestionnaire<S extends z.ZodType>(path: string, body: unknown, schema: S, csrfToken: string | null): Promise<z.infer<S>> {
  const response = await call(path, body, csrfToken);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) throw new QuestionnaireProblem(0, 'contract', 'Something went wrong. Reload the page and try again.');
  return parsed.data;
}

export async function saveAnswers(token: string, answers: MeasureAnswers, csrfToken: string | null): Promise<void> {
  await call('/api/public/questionnaire/save', { token, answers }, csrfToken);
}

export function asQuestionnaireProblem(error: unknown): QuestionnaireProblem {
  return error instanceof QuestionnaireProblem ? error : new QuestionnaireProblem(0, 'unexpected', 'Something went wrong. Reload the page and try again.');
}
