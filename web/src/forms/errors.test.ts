import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from '../api/problem.js';
import { checkWith, fieldName, formText, hasErrors, noErrors, problemToFormErrors, summaryItems, zodToFormErrors } from './errors.js';

describe('fieldName', () => {
  it('takes the last segment of a problem field path', () => {
    expect(fieldName('body.email')).toBe('email');
    expect(fieldName('query.from')).toBe('from');
  });
  it('skips array indexes', () => {
    expect(fieldName('body.scopes.0')).toBe('scopes');
  });
  it('keeps a bare name', () => {
    expect(fieldName('code')).toBe('code');
  });
});

describe('problemToFormErrors', () => {
  it('puts field errors next to the fields and drops the technical detail', () => {
    const problem = new ApiProblem(400, 'There is a problem', 'The request body is not valid: body.email ...', [
      { field: 'body.email', message: 'Enter an email address in the correct format, like name@example.com' },
    ]);
    expect(problemToFormErrors(problem, ['email', 'password'])).toEqual({
      detail: null,
      fields: { email: 'Enter an email address in the correct format, like name@example.com' },
    });
  });
  it('keeps the first message when a field has several', () => {
    const problem = new ApiProblem(400, 't', 'd', [
      { field: 'body.code', message: 'first' },
      { field: 'body.code', message: 'second' },
    ]);
    expect(problemToFormErrors(problem, ['code']).fields).toEqual({ code: 'first' });
  });
  it('shows the detail when there are no field errors', () => {
    const problem = new ApiProblem(401, 'Sign in failed', 'Enter a correct email address and password.');
    expect(problemToFormErrors(problem, ['email'])).toEqual({ detail: 'Enter a correct email address and password.', fields: {} });
  });
  it('moves errors for fields the form lacks into the summary', () => {
    const problem = new ApiProblem(400, 't', 'd', [{ field: 'body.token', message: 'The link has expired' }]);
    expect(problemToFormErrors(problem, ['password'])).toEqual({ detail: 'The link has expired', fields: {} });
  });
});

describe('zodToFormErrors', () => {
  it('maps issues to fields by path', () => {
    const schema = z.object({ email: z.email({ error: 'Enter an email' }), password: z.string().min(1, { error: 'Enter a password' }) });
    const result = schema.safeParse({ email: 'nope', password: '' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(zodToFormErrors(result.error).fields).toEqual({ email: 'Enter an email', password: 'Enter a password' });
  });
});

describe('summaryItems and hasErrors', () => {
  it('orders summary entries as the fields appear', () => {
    const errors = { detail: null, fields: { password: 'p', email: 'e' } };
    expect(summaryItems(errors, ['email', 'password']).map((i) => i.field)).toEqual(['email', 'password']);
  });
  it('knows an empty result', () => {
    expect(hasErrors(noErrors)).toBe(false);
    expect(hasErrors({ detail: 'x', fields: {} })).toBe(true);
  });
});

describe('formText', () => {
  it('reads strings and treats missing values as empty', () => {
    const data = new FormData();
    data.set('name', 'Ada');
    expect(formText(data, 'name')).toBe('Ada');
    expect(formText(data, 'missing')).toBe('');
  });
});

describe('checkWith', () => {
  const schema = z.object({ email: z.string().min(1, 'Enter your email address') });
  it('passes checked values on', () => {
    expect(checkWith(schema, { email: 'a@example.com' })).toEqual({ ok: true, value: { email: 'a@example.com' } });
  });
  it('turns a failed check into field errors', () => {
    expect(checkWith(schema, { email: '' })).toEqual({ ok: false, errors: { detail: null, fields: { email: 'Enter your email address' } } });
  });
});
