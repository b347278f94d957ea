import { z } from 'zod';
import { closeCaseInput } from '../../../../src/contracts/casework.js';
import { CLOSURE_REASONS } from '../../../../src/contracts/referral-codes.js';
import { checkWith, type Checked } from '../../forms/errors.js';

/** The closure form to its body: a reason from the coded list and the referrer's summary. */
export function closeBody(reasonCode: string, outcomeSummary: string): Checked<z.infer<typeof closeCaseInput>> {
  if (!CLOSURE_REASONS.some((r) => r.code === reasonCode)) {
    const summary = checkWith(closeCaseInput, { reasonCode: 'other', outcomeSummary });
    const fields = { reasonCode: 'Choose why the case is closing', ...(summary.ok ? {} : summary.errors.fields) };
    return { ok: false, errors: { detail: null, fields } };
  }
  return checkWith(closeCaseInput, { reasonCode, outcomeSummary });
}
