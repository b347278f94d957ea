import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from '../api/problem.js';
import { parseRetryAfter, requestJson, RetryLaterProblem } from './rawRequest.js';

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(' 5 ')).toBe(5);
  });
  it('reads an HTTP date as seconds from now', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('gives null when missing or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('RetryLaterProblem', () => {
  it('is still an ApiProblem', () => {
    const problem = new RetryLaterProblem(new ApiProblem(429, 'Too many', 'Wait'), 60);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(429);
    expect(problem.retryAfterSeconds).toBe(60);
  });
});

describe('requestJson', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const answer = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
    new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
  const sentHeaders = (): Record<string, string> => {
    const init = fetchMock.mock.calls[0]?.[1];
    return (init?.headers ?? {}) as Record<string, string>;
  };

  it('sends JSON with the CSRF token and any extra headers, and checks the answer', async () => {
    fetchMock.mockResolvedValue(answer(200, { ok: true }));
    const result = await requestJson('/api/x', { method: 'POST', json: { a: 1 }, csrfToken: 't0k', headers: { 'If-Match': '"3"' } }, z.object({ ok: z.boolean() }));
    expect(result).toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]?.[1]?.body).toBe('{"a":1}');
    expect(sentHeaders()).toEqual({ Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': 't0k', 'If-Match': '"3"' });
  });
  it('does not let extra headers replace its own', async () => {
    fetchMock.mockResolvedValue(answer(200, {}));
    await requestJson('/api/x', { method: 'PUT', text: { body: 'a,b', contentType: 'text/csv' }, csrfToken: null, headers: { 'Content-Type': 'text/plain' } }, z.object({}));
    expect(sentHeaders()['Content-Type']).toBe('text/csv');
    expect(sentHeaders()).not.toHaveProperty('X-CSRF-Token');
  });
  it('turns a failure into an ApiProblem, and a 429 into a RetryLaterProblem', async () => {
    fetchMock.mockResolvedValueOnce(answer(412, { title: 'Changed', detail: 'Someone else changed it' }));
    await expect(requestJson('/api/x', { method: 'POST', csrfToken: null }, z.object({}))).rejects.toMatchObject({ status: 412, title: 'Changed' });
    fetchMock.mockResolvedValueOnce(answer(429, { title: 'Too many' }, { 'Retry-After': '30' }));
    await expect(requestJson('/api/x', { method: 'POST', csrfToken: null }, z.object({}))).rejects.toMatchObject({ status: 429, retryAfterSeconds: 30 });
  });
  it('reports a network failure and an answer that breaks the contract', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(requestJson('/api/x', { method: 'POST', csrfToken: null }, z.object({}))).rejects.toMatchObject({ status: 0, title: 'Cannot reach Linkwell' });
    fetchMock.mockResolvedValueOnce(answer(200, { ok: 'yes' }));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await expect(requestJson('/api/x', { method: 'POST', csrfToken: null }, z.object({ ok: z.boolean() }))).rejects.toMatchObject({ title: 'Unexpected response' });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
