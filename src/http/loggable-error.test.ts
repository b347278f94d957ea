import { describe, expect, it } from 'vitest';
import { loggableError } from './app.js';

describe('loggableError', () => {
  it('keeps the code and frames but not the values a database error quotes', () => {
    const error = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      detail: 'Key (lower(email))=(ana.silva@example.org) already exists.',
    });
    const logged = loggableError(error);
    expect(logged.code).toBe('23505');
    expect(JSON.stringify(logged)).not.toContain('ana.silva@example.org');
    expect(logged.error).toMatch(/^Error: duplicate key value/);
    expect(typeof logged.frames).toBe('string');
  });

  it('scrubs addresses from the message itself', () => {
    expect(JSON.stringify(loggableError(new Error('no user ana.silva@example.org')))).not.toContain('ana.silva');
  });

  it('copes with things that are not errors', () => {
    expect(loggableError('boom')).toEqual({ error: 'Non-error thrown: string', code: undefined, frames: undefined });
  });
});
