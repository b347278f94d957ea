import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from '../../api/problem.js';
import { postIfMatch } from './api.js';

describe('postIfMatch', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  const answer = (status: number, body: unknown): Response => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

  it('POSTs JSON with the version in If-Match and the CSRF token', async () => {
    fetchMock.mockResolvedValue(answer(200, { version: 4 }));
    const result = await postIfMatch('/api/referrals/r1/events', { type: 'triage' }, z.object({ version: z.number() }), 3, 't0k');
    expect(result).toEqual({ version: 4 });
    const [path, init] = fetchMock.mock.calls[0] ?? [];
    expect(path).toBe('/api/referrals/r1/events');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{"type":"triage"}');
    expect(init?.headers).toMatchObject({ 'If-Match': '"3"', 'X-CSRF-Token': 't0k', 'Content-Type': 'application/json' });
  });
  it('turns a 412 into an ApiProblem the page can recognise as stale', async () => {
    fetchMock.mockResolvedValue(answer(412, { title: 'The referral has changed', status: 412 }));
    const failure = postIfMatch('/api/referrals/r1/events', { type: 'triage' }, z.object({}), 3, null);
    await expect(failure).rejects.toBeInstanceOf(ApiProblem);
    await expect(failure).rejects.toMatchObject({ status: 412, title: 'The referral has changed' });
  });
});
