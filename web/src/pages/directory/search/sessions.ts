/**
 * A session in words: "Tuesdays 10:00–11:30", or "Some Tuesdays 10:00" for one that runs on
 * some weeks of the month only. Days come from the server as "Tuesday".
 */
export interface SessionInput {
  day: string;
  opensAt: string;
  closesAt: string | null;
  monthly: boolean;
}

export function sessionText(session: SessionInput): string {
  const days = session.day.endsWith('s') ? session.day : `${session.day}s`;
  const times = session.closesAt === null ? session.opensAt : `${session.opensAt}–${session.closesAt}`;
  return `${session.monthly ? `Some ${days}` : days} ${times}`;
}
