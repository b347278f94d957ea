import { describe, expect, it } from 'vitest';
import { closeBody } from './closeForm.js';

describe('closing a case', () => {
  it('sends a coded reason and the summary', () => {
    expect(closeBody('goals-met', ' Walks weekly with the group ')).toEqual({ ok: true, value: { reasonCode: 'goals-met', outcomeSummary: 'Walks weekly with the group' } });
  });

  it('asks for a reason from the list and for the summary', () => {
    expect(closeBody('', '')).toEqual({
      ok: false,
      errors: { detail: null, fields: { reasonCode: 'Choose why the case is closing', outcomeSummary: 'Summarise what changed for the person; the referrer reads this' } },
    });
    expect(closeBody('made-up', 'Fine')).toEqual({ ok: false, errors: { detail: null, fields: { reasonCode: 'Choose why the case is closing' } } });
  });
});
