import { NotifyClient } from 'notifications-node-client';
import type { DeliveryRequest, DeliveryResult, NotificationAdapter } from './adapters.js';
import { notifyFailure, PermanentDeliveryError } from './delivery-errors.js';

/** GOV.UK Notify's public API, used when NOTIFY_BASE_URL is not set. */
export const NOTIFY_PUBLIC_API = 'https://api.notifications.service.gov.uk';

/**
 * The client sets no timeout of its own. A request that hangs would hold the worker (and
 * stop()) for ever, so give up after a minute and let the queue retry; the outbox id goes as
 * Notify's `reference`, so a send that did land can be matched up.
 */
const SEND_TIMEOUT_MS = 60_000;

export interface NotifySettings {
  apiKey: string;
  baseUrl?: string | undefined;
  /** Generic templates: the email one is "((subject))" / "((body))", the SMS one "((body))". */
  emailTemplateId: string;
  smsTemplateId?: string | undefined;
}

export function createNotifyAdapter(settings: NotifySettings): NotificationAdapter {
  // The client appends "/v2/..." to the base URL as given.
  const client = new NotifyClient((settings.baseUrl ?? NOTIFY_PUBLIC_API).replace(/\/+$/, ''), settings.apiKey);
  return {
    name: 'notify',
    send: async (message: DeliveryRequest): Promise<DeliveryResult> => {
      const request = async (): Promise<string> => {
        if (message.channel === 'email') {
          const response = await client.sendEmail(settings.emailTemplateId, message.recipient, {
            personalisation: { subject: message.subject, body: message.body },
            reference: message.id,
          });
          return response.data.id;
        }
        if (!settings.smsTemplateId) throw new PermanentDeliveryError('No GOV.UK Notify SMS template is configured');
        const response = await client.sendSms(settings.smsTemplateId, message.recipient, {
          personalisation: { body: message.body },
          reference: message.id,
        });
        return response.data.id;
      };
      try {
        return { providerReference: await withTimeout(request(), SEND_TIMEOUT_MS), status: 'sent' };
      } catch (error) {
        if (error instanceof PermanentDeliveryError || error instanceof NotifyTimeout) throw error;
        throw asDeliveryError(error);
      }
    },
  };
}

/**
 * The client rejects with axios errors, which carry the whole request (address and text
 * included): keep only the status, Notify's error list and the network code.
 */
function asDeliveryError(error: unknown): Error {
  const response = field(error, 'response');
  const status = field(response, 'status');
  const code = field(error, 'code');
  return notifyFailure(
    typeof status === 'number' ? status : undefined,
    notifyErrors(field(response, 'data')),
    typeof code === 'string' ? code : undefined,
  );
}

/** Notify answers errors as { status_code, errors: [{ error, message }] }. */
function notifyErrors(data: unknown): string {
  const errors = field(data, 'errors');
  if (!Array.isArray(errors)) return '';
  return (errors as unknown[])
    .map((e) => [field(e, 'error'), field(e, 'message')].filter((s) => typeof s === 'string').join(': '))
    .filter(Boolean)
    .join('; ');
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

class NotifyTimeout extends Error {
  constructor(ms: number) {
    super(`GOV.UK Notify did not answer within ${ms / 1000} s`);
    this.name = 'NotifyTimeout';
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new NotifyTimeout(ms));
    }, ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
