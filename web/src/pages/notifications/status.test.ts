import { describe, expect, it } from 'vitest';
import { canRetry, STATUSES, statusTag } from './status.js';

describe('statusTag', () => {
  it('colours delivered green and failures red', () => {
    expect(statusTag('delivered').className).toBe('nhsuk-tag nhsuk-tag--green');
    expect(statusTag('failed').className).toBe('nhsuk-tag nhsuk-tag--red');
    expect(statusTag('permanent-failure')).toEqual({ label: 'Permanent failure', className: 'nhsuk-tag nhsuk-tag--red' });
  });
  it('colours waiting messages grey or blue', () => {
    expect(statusTag('queued').className).toBe('nhsuk-tag nhsuk-tag--grey');
    expect(statusTag('sending').className).toBe('nhsuk-tag nhsuk-tag--blue');
  });
});

describe('canRetry', () => {
  it('allows a retry for failures only (a permanent one may succeed once the address is fixed)', () => {
    expect(STATUSES.filter(canRetry).sort()).toEqual(['failed', 'permanent-failure']);
  });
});
