import { describe, expect, it } from 'vitest';
import { assertIdsOnly } from './payload.js';

const check = (payload: Record<string, unknown>) => () => {
  assertIdsOnly(payload);
};

describe('assertIdsOnly', () => {
  it('accepts ids, numbers, flags, nulls and lists of them', () => {
    expect(
      check({
        schemeId: '6f1c2a9e-1234-4a5b-9c8d-123456789012',
        count: 3,
        force: true,
        none: null,
        ids: ['a1', 'b2'],
        slot: '2026-11-21T10:00:00.000Z',
      }),
    ).not.toThrow();
  });

  it('refuses email addresses, free text and nested objects', () => {
    expect(check({ to: 'jane@example.org' })).toThrow(/"to" must be an id/);
    expect(check({ body: 'Your appointment is on Monday' })).toThrow(/"body" must be an id/);
    expect(check({ id: 'x'.repeat(201) })).toThrow(/must be an id/);
    expect(check({ person: { name: 'Jane' } })).toThrow(/"person" must be a string/);
    expect(check({ ids: [{ a: 1 }] })).toThrow(/"ids" must be a string/);
  });

  it('never quotes the refused value in its message', () => {
    expect(check({ to: 'jane@example.org' })).not.toThrow(/jane/);
  });
});
