/**
 * The words of casework: lifecycle states, contact modes, handover choices, the fields a partner
 * may be sent. Shared by the server's state machines, the API schemas and the web app.
 */

// Goals in the personalised care and support plan -------------------------------------------

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'changed', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  changed: 'Changed',
  dropped: 'Dropped',
};

/** Who does a step of a goal. */
export const STEP_OWNERS = ['person', 'link_worker', 'together', 'provider', 'family_or_carer', 'other'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];
export const STEP_OWNER_LABELS: Record<StepOwner, string> = {
  person: 'The person',
  link_worker: 'Link worker',
  together: 'Together',
  provider: 'The group or service',
  family_or_carer: 'Family or carer',
  other: 'Someone else',
};

// What matters to me ---------------------------------------------------------------------------

export const NEED_PRIORITIES = ['high', 'medium', 'low', 'not_now'] as const;
export type NeedPriority = (typeof NEED_PRIORITIES)[number];
export const NEED_PRIORITY_LABELS: Record<NeedPriority, string> = {
  high: 'High — work on this first',
  medium: 'Medium',
  low: 'Low',
  not_now: 'Not now',
};

// Contacts ---------------------------------------------------------------------------------------

export const CONTACT_MODES = ['practice', 'home_visit', 'phone', 'video', 'community_venue', 'accompanied_first_visit'] as const;
export type ContactMode = (typeof CONTACT_MODES)[number];
export const CONTACT_MODE_LABELS: Record<ContactMode, string> = {
  practice: 'At the practice',
  home_visit: 'Home visit',
  phone: 'Phone call',
  video: 'Video call',
  community_venue: 'Community venue',
  accompanied_first_visit: 'Accompanied first visit to a group',
};

/** booked → attended | did_not_attend | cancelled. A contact recorded after the fact starts attended. */
export const CONTACT_STATUSES = ['booked', 'attended', 'did_not_attend', 'cancelled'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export const CONTACT_STATUS_LABELS: Record<ContactStatus, string> = {
  booked: 'Booked',
  attended: 'Took place',
  did_not_attend: 'Did not attend',
  cancelled: 'Cancelled',
};

// Lone working -----------------------------------------------------------------------------------

export const CHECK_IN_KINDS = ['safe', 'need_help'] as const;
export type CheckInKind = (typeof CHECK_IN_KINDS)[number];
export const CHECK_IN_LABELS: Record<CheckInKind, string> = {
  safe: 'I am safe',
  need_help: 'I need help',
};

// Onward referral ----------------------------------------------------------------------------------

/**
 * sent → accepted | declined | waitlisted | expired | withdrawn;
 * waitlisted → accepted | declined | withdrawn; accepted → attending | dropped_out | withdrawn;
 * attending → completed | dropped_out | withdrawn.
 */
export const ONWARD_STATUSES = ['sent', 'accepted', 'declined', 'waitlisted', 'attending', 'completed', 'dropped_out', 'expired', 'withdrawn'] as const;
export type OnwardStatus = (typeof ONWARD_STATUSES)[number];
export const ONWARD_STATUS_LABELS: Record<OnwardStatus, string> = {
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  waitlisted: 'On the waiting list',
  attending: 'Attending',
  completed: 'Completed',
  dropped_out: 'Dropped out',
  expired: 'No reply in time',
  withdrawn: 'Withdrawn',
};
/** While live, the provider sees the person's shared details. */
export const LIVE_ONWARD_STATUSES: readonly OnwardStatus[] = ['sent', 'accepted', 'waitlisted', 'attending'];

export const ONWARD_DECLINE_REASONS = [
  { code: 'full', label: 'No places' },
  { code: 'not-suitable', label: 'Not suitable for this person' },
  { code: 'outside-area', label: 'Outside the area we cover' },
  { code: 'cannot-meet-needs', label: 'We cannot meet their access or support needs safely' },
  { code: 'person-declined', label: 'The person decided not to come' },
  { code: 'other', label: 'Other reason' },
] as const;
export type OnwardDeclineReason = (typeof ONWARD_DECLINE_REASONS)[number]['code'];

export const DROP_OUT_REASONS = [
  { code: 'stopped-attending', label: 'Stopped coming' },
  { code: 'health', label: 'Health got in the way' },
  { code: 'not-for-them', label: 'Decided it was not for them' },
  { code: 'practical', label: 'Travel, cost or timing' },
  { code: 'other', label: 'Other reason' },
] as const;
export type DropOutReason = (typeof DROP_OUT_REASONS)[number]['code'];

/** Who makes the first move after the referral is accepted. */
export const FIRST_CONTACT_BY = ['provider_contacts_person', 'person_contacts_provider', 'link_worker_introduces'] as const;
export type FirstContactBy = (typeof FIRST_CONTACT_BY)[number];
export const FIRST_CONTACT_BY_LABELS: Record<FirstContactBy, string> = {
  provider_contacts_person: 'The group contacts the person',
  person_contacts_provider: 'The person contacts the group',
  link_worker_introduces: 'The link worker introduces them (for example, goes along to the first session)',
};

/**
 * What may be sent to a partner. The default set is the minimum of the issue; a scheme may
 * narrow it for a partner, or add date of birth or address where the partner needs them.
 * Clinical notes and other referrals are never among them.
 */
export const SHARE_FIELDS = ['name', 'contact', 'need_summary', 'goals', 'communication_needs', 'risks', 'date_of_birth', 'address'] as const;
export type ShareField = (typeof SHARE_FIELDS)[number];
export const SHARE_FIELD_LABELS: Record<ShareField, string> = {
  name: 'Name',
  contact: 'How to contact them',
  need_summary: 'What they would like help with',
  goals: 'Their goals that this service supports',
  communication_needs: 'Communication needs',
  risks: 'Risks that affect your staff or volunteers',
  date_of_birth: 'Date of birth',
  address: 'Address',
};
export const DEFAULT_SHARE_FIELDS: readonly ShareField[] = ['name', 'contact', 'need_summary', 'goals', 'communication_needs', 'risks'];

// Attendance -----------------------------------------------------------------------------------------

export const ATTENDANCE_MARKS = ['attended', 'missed', 'excused'] as const;
export type AttendanceMark = (typeof ATTENDANCE_MARKS)[number];
export const ATTENDANCE_LABELS: Record<AttendanceMark, string> = {
  attended: 'Attended',
  missed: 'Did not come',
  excused: 'Sent apologies',
};

// Alerts and follow-up tasks -----------------------------------------------------------------------

export const ALERT_KINDS = ['non_attendance', 'repeated_dna', 'provider_concern', 'onward_expired', 'onward_declined', 'lone_working'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  non_attendance: 'Not attending a group',
  repeated_dna: 'Missed appointments',
  provider_concern: 'Concern raised by a provider',
  onward_expired: 'Referral not answered in time',
  onward_declined: 'Referral declined',
  lone_working: 'Missed lone-working check-in',
};

export const CONCERN_URGENCIES = ['routine', 'urgent'] as const;
export type ConcernUrgency = (typeof CONCERN_URGENCIES)[number];
