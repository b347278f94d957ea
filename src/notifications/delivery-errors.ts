import { scrubPersonalData } from '../logging/safe-error.js';

/**
 * A send that will fail the same way however often it is tried: a refused address, a bad
 * request, a rejected API key. The worker records it and stops; other errors are retried
 * with backoff. Messages name the provider's answer, never the recipient or the content.
 */
export class PermanentDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentDeliveryError';
  }
}

/** GOV.UK Notify: 400 (bad request, validation) and 403 (auth) will not change on retry; 429 and 5xx may. */
export function notifyFailure(status: number | undefined, detail: string, cause?: string): Error {
  const said = detail ? `: ${scrubPersonalData(detail).slice(0, 300)}` : '';
  if (status === undefined) return new Error(`GOV.UK Notify could not be reached${cause ? ` (${cause})` : ''}`);
  const message = `GOV.UK Notify answered ${status}${said}`;
  return status === 400 || status === 403 ? new PermanentDeliveryError(message) : new Error(message);
}

/**
 * SMTP: a 5xx reply is permanent (mailbox unknown, relay refused, auth rejected); 4xx is
 * "try later"; no reply at all is a network problem. An envelope nodemailer itself refuses
 * (no valid address) is permanent too.
 */
export function smtpFailure(responseCode: number | undefined, code: string | undefined): Error {
  if (responseCode !== undefined && responseCode >= 500) {
    return new PermanentDeliveryError(`SMTP server refused the message (${responseCode})`);
  }
  if (responseCode !== undefined) return new Error(`SMTP server deferred the message (${responseCode})`);
  if (code === 'EENVELOPE') return new PermanentDeliveryError('SMTP envelope was not valid');
  return new Error(`SMTP server could not be reached${code ? ` (${code})` : ''}`);
}
