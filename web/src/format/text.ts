/**
 * Small formatting helpers shared by pages. Dates show in UK time whatever the device's zone,
 * because the people using one scheme work in England and compare times with each other.
 */
const dateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** "21 Nov 2026, 14:05"; an unreadable value is shown as it came rather than hidden. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/** Authenticator apps accept the key with spaces; groups of 4 are easier to copy by eye. */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

/** Server paths leave the single-page app; everything else starting with / is a route. */
export function isAppPath(href: string): boolean {
  return href.startsWith('/') && !href.startsWith('//') && !/^\/(api|health|oauth|fhir)(\/|$|\?)/.test(href);
}
