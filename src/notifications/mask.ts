/**
 * How the outbox shows a recipient to staff: enough to recognise which contact was used,
 * not enough to copy it. The full value stays in the notifications table for the sender.
 */
const DOT = '•';

export function maskRecipient(recipient: string): string {
  const value = recipient.trim();
  const at = value.lastIndexOf('@');
  if (at > 0 && at < value.length - 1) {
    return `${value.slice(0, 1)}${DOT.repeat(3)}${value.slice(at)}`;
  }
  const digits = value.replace(/\D/g, '');
  // Too short to show four digits and still hide anything: hide it all.
  if (digits.length < 8) return DOT.repeat(7);
  return `${DOT.repeat(7)}${digits.slice(-4)}`;
}
