-- Casework: the scheme's casework settings; "what matters to me" assessments (versioned); the
-- personalised care and support plan (goals and their history); contacts with lone-working
-- visits and their alerts; onward referrals to directory services with the data shared, the
-- handover agreed and a timeline; supported signposting (kept apart: never a referral);
-- attendance registers; alerts and follow-up tasks on the caseload; concerns raised by
-- providers; and a once-only log of reminders sent.

-- One row per scheme once a manager changes anything; the code supplies the defaults before.
CREATE TABLE casework_settings (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  -- assessment need domains [{code, label}]; empty means the referral settings' need categories
  need_domains jsonb NOT NULL DEFAULT '[]',
  response_window_working_days integer NOT NULL DEFAULT 10 CHECK (response_window_working_days BETWEEN 1 AND 60),
  provider_access_days_after integer NOT NULL DEFAULT 30 CHECK (provider_access_days_after BETWEEN 0 AND 365),
  non_attendance_consecutive integer NOT NULL DEFAULT 2 CHECK (non_attendance_consecutive BETWEEN 0 AND 10),
  non_attendance_days integer NOT NULL DEFAULT 14 CHECK (non_attendance_days BETWEEN 0 AND 90),
  repeated_dna_threshold integer NOT NULL DEFAULT 2 CHECK (repeated_dna_threshold BETWEEN 1 AND 10),
  lone_working_grace_minutes integer NOT NULL DEFAULT 15 CHECK (lone_working_grace_minutes BETWEEN 0 AND 120),
  lone_working_interval_minutes integer NOT NULL DEFAULT 15 CHECK (lone_working_interval_minutes BETWEEN 5 AND 120),
  -- people told when a lone worker misses a check-in, besides the scheme's managers [{name, email, phone}]
  lone_working_contacts jsonb NOT NULL DEFAULT '[]',
  max_caseload integer NOT NULL DEFAULT 40 CHECK (max_caseload BETWEEN 1 AND 500),
  -- what a partner is sent: the default set, and narrower or wider sets per directory organisation
  share_fields text[] NOT NULL DEFAULT '{name,contact,need_summary,goals,communication_needs,risks}',
  partner_share_fields jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id)
);

-- "What matters to me". A reassessment is a new row with the next number; earlier ones stay.
CREATE TABLE assessments (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  what_matters text NOT NULL CHECK (length(what_matters) <= 4000),
  -- [{domain, words, priority, strengths}]
  domains jsonb NOT NULL DEFAULT '[]',
  assessed_on date NOT NULL,
  created_by uuid,
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, referral_id, number),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);

CREATE TABLE goals (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  -- the need domain it answers, when there is one
  domain text,
  -- [{text, owner, done}]
  steps jsonb NOT NULL DEFAULT '[]',
  target_date date,
  review_date date,
  status text NOT NULL DEFAULT 'not_started' CHECK (status IN ('not_started', 'in_progress', 'achieved', 'changed', 'dropped')),
  -- the person's own rating of progress, 0 (not started) to 10 (done)
  person_rating integer CHECK (person_rating BETWEEN 0 AND 10),
  rated_at timestamptz,
  position integer NOT NULL DEFAULT 0,
  created_by_label text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);
CREATE INDEX goals_referral ON goals (scheme_id, referral_id, position);
CREATE INDEX goals_review ON goals (scheme_id, review_date) WHERE status IN ('not_started', 'in_progress');

-- Each change of a goal's status or rating: the plan's history, append-only.
CREATE TABLE goal_updates (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  goal_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  from_status text,
  to_status text,
  person_rating integer,
  note text,
  actor_label text NOT NULL,
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, goal_id) REFERENCES goals (scheme_id, id)
);
CREATE INDEX goal_updates_goal ON goal_updates (scheme_id, goal_id, id);
CREATE TRIGGER goal_updates_append_only
  BEFORE UPDATE OR DELETE ON goal_updates
  FOR EACH ROW EXECUTE FUNCTION linkwell_audit_is_append_only();

CREATE TABLE contacts (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  mode text NOT NULL CHECK (mode IN ('practice', 'home_visit', 'phone', 'video', 'community_venue', 'accompanied_first_visit')),
  status text NOT NULL CHECK (status IN ('booked', 'attended', 'did_not_attend', 'cancelled')),
  scheduled_at timestamptz NOT NULL,
  duration_minutes integer CHECK (duration_minutes BETWEEN 0 AND 1440),
  location text CHECK (length(location) <= 500),
  attendees text CHECK (length(attendees) <= 1000),
  notes text CHECK (length(notes) <= 8000),
  cancel_reason text,
  worker_id uuid REFERENCES users (id),
  worker_label text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);
CREATE INDEX contacts_referral ON contacts (scheme_id, referral_id, scheduled_at DESC);
CREATE INDEX contacts_worker ON contacts (scheme_id, worker_id, scheduled_at);

-- A home visit under the lone-working procedure: when the worker should have checked in by,
-- how they did, and who acknowledged a missed check-in.
CREATE TABLE lone_working_visits (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  contact_id uuid NOT NULL,
  worker_id uuid NOT NULL REFERENCES users (id),
  expected_check_in_at timestamptz NOT NULL,
  check_in text CHECK (check_in IN ('safe', 'need_help')),
  checked_in_at timestamptz,
  check_in_note text CHECK (length(check_in_note) <= 1000),
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledged_by_label text,
  acknowledgement_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, contact_id),
  FOREIGN KEY (scheme_id, contact_id) REFERENCES contacts (scheme_id, id)
);
CREATE INDEX lone_working_open ON lone_working_visits (expected_check_in_at)
  WHERE acknowledged_at IS NULL AND (check_in IS NULL OR check_in = 'need_help');

-- Each escalation level goes once per visit.
CREATE TABLE lone_working_alerts (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  contact_id uuid NOT NULL,
  level integer NOT NULL CHECK (level >= 1),
  recipients integer NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, contact_id, level),
  FOREIGN KEY (scheme_id, contact_id) REFERENCES lone_working_visits (scheme_id, contact_id)
);

CREATE TABLE onward_referrals (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  service_id uuid NOT NULL REFERENCES directory_services (id),
  -- the provider: the directory organisation that runs the service when it was sent
  directory_organization_id uuid NOT NULL REFERENCES directory_organizations (id),
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'waitlisted', 'attending',
    'completed', 'dropped_out', 'expired', 'withdrawn')),
  -- consent to share with this organisation, asked for this referral
  consent_given_by text NOT NULL CHECK (consent_given_by IN ('person', 'representative')),
  consent_given_by_name text,
  consent_method text NOT NULL CHECK (consent_method IN ('verbal', 'written', 'digital')),
  consent_given_at timestamptz NOT NULL,
  consent_recorded_by text NOT NULL,
  -- the minimum set, as sent: the provider reads this snapshot and nothing else of the person
  shared_fields text[] NOT NULL,
  shared jsonb NOT NULL,
  -- the handover agreement
  first_contact_by text NOT NULL CHECK (first_contact_by IN ('provider_contacts_person', 'person_contacts_provider', 'link_worker_introduces')),
  link_worker_stays_involved boolean NOT NULL,
  may_return boolean NOT NULL,
  return_until date,
  report_non_attendance boolean NOT NULL,
  handover_note text CHECK (length(handover_note) <= 2000),
  respond_by date NOT NULL,
  remind_on date NOT NULL,
  status_reason_code text,
  status_note text CHECK (length(status_note) <= 2000),
  responded_at timestamptz,
  accepted_on date,
  ended_at timestamptz,
  sent_by uuid,
  sent_by_label text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, reference),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id),
  CHECK (may_return OR return_until IS NULL),
  CHECK (cardinality(shared_fields) > 0)
);
CREATE INDEX onward_referrals_referral ON onward_referrals (scheme_id, referral_id);
CREATE INDEX onward_referrals_provider ON onward_referrals (scheme_id, directory_organization_id, status);
CREATE INDEX onward_referrals_service ON onward_referrals (scheme_id, service_id, status);
CREATE INDEX onward_referrals_window ON onward_referrals (respond_by) WHERE status = 'sent';

CREATE TABLE onward_referral_events (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  onward_referral_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind text NOT NULL,
  from_status text,
  to_status text,
  reason_code text,
  note text,
  actor_label text NOT NULL,
  actor_role text,
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, onward_referral_id) REFERENCES onward_referrals (scheme_id, id)
);
CREATE INDEX onward_referral_events_referral ON onward_referral_events (scheme_id, onward_referral_id, id);
CREATE TRIGGER onward_referral_events_append_only
  BEFORE UPDATE OR DELETE ON onward_referral_events
  FOR EACH ROW EXECUTE FUNCTION linkwell_audit_is_append_only();

-- Supported signposting: information given for the person to act on alone. Never a referral.
CREATE TABLE signposts (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  service_id uuid REFERENCES directory_services (id),
  service_name text NOT NULL CHECK (length(service_name) BETWEEN 1 AND 500),
  information text CHECK (length(information) <= 2000),
  given_on date NOT NULL,
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);
CREATE INDEX signposts_referral ON signposts (scheme_id, referral_id);

-- A register: one mark per onward referral per session date. A correction replaces the mark.
CREATE TABLE attendance (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  onward_referral_id uuid NOT NULL,
  session_date date NOT NULL,
  mark text NOT NULL CHECK (mark IN ('attended', 'missed', 'excused')),
  recorded_by uuid,
  recorded_by_label text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, onward_referral_id, session_date),
  FOREIGN KEY (scheme_id, onward_referral_id) REFERENCES onward_referrals (scheme_id, id)
);

-- Something the link worker must look at, on their caseload; `key` makes each raise once.
CREATE TABLE case_alerts (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('non_attendance', 'repeated_dna', 'provider_concern', 'onward_expired',
    'onward_declined', 'lone_working')),
  key text NOT NULL,
  onward_referral_id uuid,
  message text NOT NULL,
  raised_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by_label text,
  resolution_note text,
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, referral_id, kind, key),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id)
);
CREATE INDEX case_alerts_open ON case_alerts (scheme_id, referral_id) WHERE resolved_at IS NULL;

-- A follow-up for the link worker, with a due date; an alert makes one.
CREATE TABLE case_tasks (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  due_on date NOT NULL,
  alert_id uuid,
  assignee_id uuid REFERENCES users (id),
  done_at timestamptz,
  done_by_label text,
  created_by_label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, alert_id) REFERENCES case_alerts (scheme_id, id)
);
CREATE INDEX case_tasks_open ON case_tasks (scheme_id, assignee_id, due_on) WHERE done_at IS NULL;

-- A concern raised by a provider (or anyone working with the person) about an onward referral.
CREATE TABLE provider_concerns (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  onward_referral_id uuid NOT NULL,
  referral_id uuid NOT NULL,
  urgency text NOT NULL CHECK (urgency IN ('routine', 'urgent')),
  concern text NOT NULL CHECK (length(concern) BETWEEN 1 AND 4000),
  raised_by uuid,
  raised_by_label text NOT NULL,
  raised_by_organisation text,
  raised_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, onward_referral_id) REFERENCES onward_referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id)
);
CREATE INDEX provider_concerns_referral ON provider_concerns (scheme_id, referral_id);

-- Reminders that go once: a goal's review, a provider's nudge. `subject` names the record.
CREATE TABLE casework_reminders (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  kind text NOT NULL,
  subject_id uuid NOT NULL,
  key text NOT NULL,
  notification_id uuid,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, kind, subject_id, key)
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['casework_settings', 'assessments', 'goals', 'goal_updates', 'contacts', 'lone_working_visits',
    'lone_working_alerts', 'onward_referrals', 'onward_referral_events', 'signposts', 'attendance', 'case_alerts',
    'case_tasks', 'provider_concerns', 'casework_reminders']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (scheme_id = linkwell_scheme()) '
      'WITH CHECK (scheme_id = linkwell_scheme())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON casework_settings, assessments, goals, contacts, lone_working_visits,
  onward_referrals, signposts, attendance, case_alerts, case_tasks TO linkwell_app;
GRANT SELECT, INSERT ON goal_updates, lone_working_alerts, onward_referral_events, provider_concerns,
  casework_reminders TO linkwell_app;

-- The scheduled jobs (lone working, response windows, attendance, goal reviews) run for every
-- scheme, before any tenant is set: this door tells only which schemes have work of each kind.
CREATE FUNCTION linkwell_casework_schemes()
  RETURNS TABLE (scheme_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT scheme_id FROM lone_working_visits WHERE acknowledged_at IS NULL AND (check_in IS NULL OR check_in = 'need_help')
    UNION SELECT scheme_id FROM onward_referrals WHERE status IN ('sent', 'accepted', 'attending')
    UNION SELECT scheme_id FROM goals WHERE status IN ('not_started', 'in_progress') AND review_date IS NOT NULL
  $$;
REVOKE ALL ON FUNCTION linkwell_casework_schemes() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkwell_casework_schemes() TO linkwell_app;
