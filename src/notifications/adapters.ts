import { pino } from 'pino';
import type { Config } from '../config/index.js';
import type { JobLogger } from '../jobs/queue.js';
import { createNotifyAdapter } from './notify-adapter.js';
import { createSmtpAdapter } from './smtp-adapter.js';

export { PermanentDeliveryError } from './delivery-errors.js';

/** One message on its way out. `id` is the outbox row's id, passed to the provider as its reference. */
export interface DeliveryRequest {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  subject: string;
  body: string;
}

export interface DeliveryResult {
  providerReference: string | null;
  status: 'sent' | 'delivered';
}

/**
 * How a message leaves Linkwell. send() resolves once the provider has accepted it, throws
 * PermanentDeliveryError when retrying cannot help, and throws any other error when it can.
 */
export interface NotificationAdapter {
  name: 'log' | 'notify' | 'smtp';
  send(message: DeliveryRequest): Promise<DeliveryResult>;
}

export function createNotificationAdapter(config: Config, logger?: JobLogger): NotificationAdapter {
  switch (config.NOTIFY_ADAPTER) {
    case 'log':
      return createLogAdapter(logger ?? pino({ name: 'notifications' }));
    case 'notify':
      return createNotifyAdapter({
        apiKey: required(config.NOTIFY_API_KEY, 'NOTIFY_API_KEY'),
        baseUrl: config.NOTIFY_BASE_URL,
        emailTemplateId: required(config.NOTIFY_EMAIL_TEMPLATE_ID, 'NOTIFY_EMAIL_TEMPLATE_ID'),
        smsTemplateId: config.NOTIFY_SMS_TEMPLATE_ID,
      });
    case 'smtp':
      return createSmtpAdapter({ url: required(config.SMTP_URL, 'SMTP_URL'), from: config.SMTP_FROM });
    default: {
      const unreachable: never = config.NOTIFY_ADAPTER;
      return unreachable;
    }
  }
}

// loadConfig already refuses these combinations; this guards a hand-built Config.
function required(value: string | undefined, name: string): string {
  if (!value) throw new Error(`${name} is required for the chosen NOTIFY_ADAPTER`);
  return value;
}

/**
 * For development and demos: nothing leaves the machine. The message stays readable in the
 * outbox table, so the log line carries the id and channel only, never the address or text.
 */
export function createLogAdapter(logger: JobLogger): NotificationAdapter {
  return {
    name: 'log',
    send: async (message) => {
      logger.info({ notificationId: message.id, channel: message.channel, adapter: 'log' }, 'notification kept in the outbox (log adapter, not sent)');
      return { providerReference: null, status: 'delivered' };
    },
  };
}
