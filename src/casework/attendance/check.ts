import type { SchemeScope } from '../../data/access.js';
import { raiseAlert } from '../alerts/raise.js';
import { evaluateAttendance, type AttendanceRule } from '../domain/non-attendance.js';
import { loadCaseworkSettings } from '../settings.js';

/**
 * The non-attendance rule applied to one onward referral, shared by the register (the run of
 * misses shows up the moment it is saved) and the hourly job (a person who never went shows up
 * without anyone saving a register). raiseAlert is once-only by key, so both may ask again.
 */

export interface AttendanceSubject {
  onwardReferralId: string;
  referralId: string;
  serviceName: string;
  acceptedOn: string;
}

export async function attendanceRule(scope: SchemeScope): Promise<AttendanceRule> {
  const settings = await loadCaseworkSettings(scope);
  return { consecutiveMisses: settings.nonAttendanceConsecutive, daysWithoutAttendance: settings.nonAttendanceDays };
}

/** case_tasks.title holds 300 characters; a long service name is shortened rather than refused. */
function followUpTitle(serviceName: string): string {
  const title = `Follow up non-attendance at ${serviceName}`;
  return title.length <= 300 ? title : `${title.slice(0, 299)}…`;
}

/** Raises the alert the rule calls for, if any and not raised before. True when a new one went up. */
export async function checkNonAttendance(scope: SchemeScope, subject: AttendanceSubject, today: string, now: Date): Promise<boolean> {
  const marks = await scope.db
    .selectFrom('attendance')
    .select(['session_date', 'mark'])
    .where('scheme_id', '=', scope.schemeId)
    .where('onward_referral_id', '=', subject.onwardReferralId)
    .orderBy('session_date')
    .execute();
  const verdict = evaluateAttendance({
    acceptedOn: subject.acceptedOn,
    marks: marks.map((m) => ({ date: m.session_date, mark: m.mark })),
    today,
    rule: await attendanceRule(scope),
  });
  if (!verdict.alert) return false;
  const raised = await raiseAlert(
    scope,
    {
      referralId: subject.referralId,
      kind: 'non_attendance',
      key: `${subject.onwardReferralId}:${verdict.key}`,
      message: `${subject.serviceName}: ${verdict.message}`,
      onwardReferralId: subject.onwardReferralId,
      followUp: { title: followUpTitle(subject.serviceName), withinWorkingDays: 2 },
    },
    now,
  );
  return raised !== null;
}
