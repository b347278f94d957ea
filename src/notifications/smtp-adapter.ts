import nodemailer from 'nodemailer';
import type { DeliveryRequest, DeliveryResult, NotificationAdapter } from './adapters.js';
import { PermanentDeliveryError, smtpFailure } from './delivery-errors.js';

export interface SmtpSettings {
  /** smtp:// or smtps:// URL, with credentials and options such as ?ignoreTLS=true if needed. */
  url: string;
  from: string;
}

export function createSmtpAdapter(settings: SmtpSettings): NotificationAdapter {
  const transport = nodemailer.createTransport(settings.url);
  return {
    name: 'smtp',
    send: async (message: DeliveryRequest): Promise<DeliveryResult> => {
      if (message.channel === 'sms') throw new PermanentDeliveryError('SMS cannot be sent through the SMTP adapter');
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.recipient,
          subject: message.subject,
          text: message.body,
          // Lets a bounce or a support query be traced to the outbox row.
          headers: { 'X-Linkwell-Notification': message.id },
        });
        return { providerReference: info.messageId || null, status: 'sent' };
      } catch (error) {
        // nodemailer's messages quote the server's reply, which often names the address.
        const responseCode = field(error, 'responseCode');
        const code = field(error, 'code');
        throw smtpFailure(
          typeof responseCode === 'number' ? responseCode : undefined,
          typeof code === 'string' ? code : undefined,
        );
      }
    },
  };
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
