import type { Contact } from '../../contracts/casework.js';
import type { SignedIn, TestApp } from '../../testing/app.js';
import { ifMatch, type CaseworkScheme } from '../test-kit.js';

export { auditActions, problemCode } from '../test-kit.js';

/** Helpers for the contact and lone-working integration tests. */

export const MINUTE = 60_000;
export const at = (base: Date, minutes: number): Date => new Date(base.getTime() + minutes * MINUTE);

export const contactBody = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  mode: 'practice',
  status: 'booked',
  scheduledAt: at(new Date(), 24 * 60).toISOString(),
  durationMinutes: null,
  location: null,
  attendees: null,
  notes: null,
  expectedCheckInAt: null,
  ...overrides,
});

export const postContact = (t: TestApp, cw: CaseworkScheme, payload: object, as: SignedIn = cw.worker) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/contacts`, headers: as.headers, payload });

export const listContacts = (t: TestApp, cw: CaseworkScheme, as: SignedIn = cw.worker) =>
  t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/contacts`, headers: as.headers });

export const outcome = (t: TestApp, as: SignedIn, id: string, payload: object, version?: number) =>
  t.app.inject({ method: 'POST', url: `/api/contacts/${id}/outcome`, headers: { ...as.headers, ...(version === undefined ? {} : ifMatch(version)) }, payload });

/** Creates a contact and fails the test with the answer's body when it is refused. */
export async function madeContact(t: TestApp, cw: CaseworkScheme, overrides: Record<string, unknown> = {}): Promise<Contact> {
  const res = await postContact(t, cw, contactBody(overrides));
  if (res.statusCode !== 201) throw new Error(`contact refused: ${res.statusCode} ${res.body}`);
  return res.json<Contact>();
}
