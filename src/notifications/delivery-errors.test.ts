import { describe, expect, it } from 'vitest';
import { notifyFailure, PermanentDeliveryError, smtpFailure } from './delivery-errors.js';

describe('notifyFailure', () => {
  it('treats bad requests and rejected keys as permanent', () => {
    for (const status of [400, 403]) {
      const error = notifyFailure(status, 'BadRequestError: Can’t send to this recipient using a team-only API key');
      expect(error).toBeInstanceOf(PermanentDeliveryError);
      expect(error.message).toBe(`GOV.UK Notify answered ${status}: BadRequestError: Can’t send to this recipient using a team-only API key`);
    }
  });

  it('treats rate limits, server errors and network failures as worth retrying', () => {
    for (const status of [429, 500, 503]) {
      const error = notifyFailure(status, '');
      expect(error).not.toBeInstanceOf(PermanentDeliveryError);
      expect(error.message).toBe(`GOV.UK Notify answered ${status}`);
    }
    const network = notifyFailure(undefined, '', 'ECONNREFUSED');
    expect(network).not.toBeInstanceOf(PermanentDeliveryError);
    expect(network.message).toBe('GOV.UK Notify could not be reached (ECONNREFUSED)');
  });

  it('drops any address the provider quotes back', () => {
    expect(notifyFailure(400, 'ValidationError: jane@example.org is not valid').message).toBe(
      'GOV.UK Notify answered 400: ValidationError: [email] is not valid',
    );
  });
});

describe('smtpFailure', () => {
  it('treats 5xx replies and invalid envelopes as permanent', () => {
    expect(smtpFailure(550, 'EENVELOPE')).toBeInstanceOf(PermanentDeliveryError);
    expect(smtpFailure(535, 'EAUTH').message).toBe('SMTP server refused the message (535)');
    expect(smtpFailure(undefined, 'EENVELOPE')).toBeInstanceOf(PermanentDeliveryError);
  });

  it('retries 4xx replies and connection failures', () => {
    expect(smtpFailure(451, 'EMESSAGE')).not.toBeInstanceOf(PermanentDeliveryError);
    const network = smtpFailure(undefined, 'ECONNECTION');
    expect(network).not.toBeInstanceOf(PermanentDeliveryError);
    expect(network.message).toBe('SMTP server could not be reached (ECONNECTION)');
  });
});
