/**
 * The text of an error that may be stored in jobs.last_error or notifications.last_error and
 * written to the log. Handlers should throw messages without personal data; this is the
 * second line of defence, for messages from libraries that quote what they were given.
 */
export const MAX_ERROR_TEXT = 500;

const EMAIL = /[^\s<>"'@()[\]]+@[^\s<>"'@()[\]]+\.[^\s<>"'@()[\]]+/g;
// Phone numbers: ten or more digits, optionally spaced or with a leading +, not inside a word.
const PHONE = /(?<![\w-])\+?\d(?:[ ]?\d){9,}(?![\w-])/g;

export function scrubPersonalData(text: string): string {
  return text.replace(EMAIL, '[email]').replace(PHONE, '[number]');
}

export function safeErrorText(error: unknown, max: number = MAX_ERROR_TEXT): string {
  const raw = error instanceof Error ? `${error.name}: ${error.message}` : `Non-error thrown: ${typeof error}`;
  const text = scrubPersonalData(raw.replace(/\s+/g, ' ').trim());
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
