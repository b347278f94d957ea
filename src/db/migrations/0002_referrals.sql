-- Referrals: people, referrals with their consent and timeline, the scheme's referral settings,
-- feedback to referrers, FHIR identifiers for idempotent creates, and the public-form throttle.
-- Every scheme table leads its primary key with scheme_id and is guarded by row-level security.

-- The scheme's own referral rules, as data: eligibility criteria, need categories, targets,
-- extra codes. One row per scheme; absent means the defaults in src/referrals/settings.ts.
CREATE TABLE referral_settings (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  eligibility jsonb NOT NULL DEFAULT '{}',
  need_categories jsonb NOT NULL DEFAULT '[]',
  first_contact_working_days integer NOT NULL DEFAULT 5 CHECK (first_contact_working_days BETWEEN 1 AND 60),
  reopen_window_days integer NOT NULL DEFAULT 90 CHECK (reopen_window_days BETWEEN 0 AND 730),
  coded_events jsonb NOT NULL DEFAULT '{}',
  self_referral_enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id)
);

CREATE TABLE people (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  nhs_number text CHECK (nhs_number ~ '^[0-9]{10}$'),
  -- A self-referrer's NHS number that matches a record already held: not trusted to join that
  -- record (anyone can type a number), kept here so the match shows as a possible duplicate.
  claimed_nhs_number text CHECK (claimed_nhs_number ~ '^[0-9]{10}$'),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  family_name_key text NOT NULL,
  preferred_name text,
  date_of_birth date,
  sex text CHECK (sex IN ('female', 'male', 'intersex', 'not-known', 'not-stated')),
  gender_identity text CHECK (length(gender_identity) <= 100),
  ethnicity text,
  address_line1 text,
  address_line2 text,
  town text,
  postcode text CHECK (postcode ~ '^[A-Z0-9]{2,4} [0-9][A-Z]{2}$'),
  gp_practice_ods text CHECK (gp_practice_ods ~ '^[A-Z0-9]{3,10}$'),
  lsoa_code text CHECK (lsoa_code ~ '^[EW]0[0-9]{7}$'),
  imd_decile integer CHECK (imd_decile BETWEEN 1 AND 10),
  email text,
  phone text,
  language text,
  interpreter_needed boolean NOT NULL DEFAULT false,
  accessible_formats text[] NOT NULL DEFAULT '{}',
  preferred_contact_method text CHECK (preferred_contact_method IN ('email', 'sms', 'phone', 'letter', 'none')),
  contact_times text,
  next_of_kin jsonb,
  -- The organisation whose user or integration first recorded the person: an integration may
  -- reach the people it registered as well as those it referred.
  registered_by_organisation_id uuid,
  merged_into_id uuid,
  merged_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, merged_into_id) REFERENCES people (scheme_id, id)
);
-- One live record per NHS number in a scheme; a merged-away record keeps its number for history.
CREATE UNIQUE INDEX people_nhs_number ON people (scheme_id, nhs_number)
  WHERE nhs_number IS NOT NULL AND merged_into_id IS NULL;
CREATE INDEX people_demographics ON people (scheme_id, date_of_birth, family_name_key);
CREATE INDEX people_claimed_nhs_number ON people (scheme_id, claimed_nhs_number) WHERE claimed_nhs_number IS NOT NULL;

CREATE TABLE referrals (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  reference text NOT NULL,
  -- The FHIR Task that tracks this referral has an id of its own.
  task_id uuid NOT NULL,
  person_id uuid NOT NULL,
  source text NOT NULL CHECK (source IN ('professional', 'self', 'api', 'fhir', 'bulk')),
  status text NOT NULL CHECK (status IN ('received', 'triaged', 'accepted', 'declined', 'not_eligible',
    'redirected', 'first_contact', 'active', 'closed')),
  -- Who referred: a signed-in user, an API client's organisation, or the person themself.
  referrer_user_id uuid REFERENCES users (id),
  referrer_organisation_id uuid,
  referrer_api_client_id uuid,
  referrer_name text,
  referrer_role text,
  referrer_email text,
  referrer_phone text,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 4000),
  needs text[] NOT NULL DEFAULT '{}',
  person_view text CHECK (length(person_view) <= 4000),
  risk_info text CHECK (length(risk_info) <= 4000),
  urgency text NOT NULL DEFAULT 'routine' CHECK (urgency IN ('routine', 'soon', 'urgent')),
  lead_on text CHECK (length(lead_on) <= 2000),
  feedback_milestones text[] NOT NULL DEFAULT '{}',
  feedback_channel text NOT NULL DEFAULT 'email' CHECK (feedback_channel IN ('email', 'letter', 'none')),
  eligibility jsonb NOT NULL DEFAULT '{}',
  eligibility_override_reason text,
  eligibility_override_by text,
  link_worker_id uuid REFERENCES users (id),
  allocated_at timestamptz,
  received_at timestamptz NOT NULL DEFAULT now(),
  first_contact_due date,
  first_contact_at timestamptz,
  decision_reason text,
  closed_at timestamptz,
  closure_reason text,
  outcome_summary text,
  reopened_count integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, reference),
  UNIQUE (scheme_id, task_id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id),
  FOREIGN KEY (scheme_id, referrer_organisation_id) REFERENCES organisations (scheme_id, id)
);
CREATE INDEX referrals_queue ON referrals (scheme_id, received_at) WHERE status IN ('received', 'triaged');
CREATE INDEX referrals_referrer ON referrals (scheme_id, referrer_user_id, created_at DESC);
CREATE INDEX referrals_link_worker ON referrals (scheme_id, link_worker_id, status);
CREATE INDEX referrals_person ON referrals (scheme_id, person_id);
CREATE INDEX referrals_updated ON referrals (scheme_id, updated_at);

-- A referral form saved part-way: the author's own, as the form left it, until submitted.
CREATE TABLE referral_drafts (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  author_user_id uuid NOT NULL REFERENCES users (id),
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id)
);
CREATE INDEX referral_drafts_author ON referral_drafts (scheme_id, author_user_id, updated_at DESC);

CREATE TABLE consents (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  person_id uuid NOT NULL,
  given_by text NOT NULL CHECK (given_by IN ('person', 'representative')),
  given_by_name text,
  method text NOT NULL CHECK (method IN ('verbal', 'written', 'digital')),
  scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
  given_at timestamptz NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  withdrawn_at timestamptz,
  withdrawn_reason text,
  withdrawal_recorded_by text,
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);
CREATE INDEX consents_referral ON consents (scheme_id, referral_id);

-- The timeline: append-only, one row per thing that happened to a referral.
CREATE TABLE referral_events (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  referral_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  kind text NOT NULL,
  from_status text,
  to_status text,
  actor_label text NOT NULL,
  actor_id uuid,
  reason text,
  code_system text,
  code text,
  code_display text,
  detail jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id)
);
CREATE INDEX referral_events_referral ON referral_events (scheme_id, referral_id, id);

CREATE TRIGGER referral_events_append_only
  BEFORE UPDATE OR DELETE ON referral_events
  FOR EACH ROW EXECUTE FUNCTION linkwell_audit_is_append_only();

-- Feedback sent to the referrer at the milestones they chose.
CREATE TABLE referral_feedback (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  referral_id uuid NOT NULL,
  milestone text NOT NULL CHECK (milestone IN ('received', 'decision', 'first_contact', 'closed')),
  channel text NOT NULL CHECK (channel IN ('email', 'letter')),
  notification_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id)
);

-- Business identifiers sent by integrations (FHIR identifier system|value). The unique key
-- makes a retried conditional create find the first resource instead of making a second.
CREATE TABLE external_identifiers (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  resource_type text NOT NULL CHECK (resource_type IN ('Patient', 'ServiceRequest', 'Task', 'Consent')),
  system text NOT NULL,
  value text NOT NULL,
  resource_id uuid NOT NULL,
  -- The organisation whose system sent it: a local identifier (a hospital number) is shown only
  -- to that organisation, so a reader cannot learn who else knows the person.
  organisation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, resource_type, system, value)
);
CREATE INDEX external_identifiers_resource ON external_identifiers (scheme_id, resource_type, resource_id);

-- Flood control for public forms (platform table: keys are hashes, no personal data).
CREATE TABLE submission_throttle (
  key text PRIMARY KEY,
  count integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now()
);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['referral_settings', 'people', 'referrals', 'referral_drafts', 'consents', 'referral_events',
    'referral_feedback', 'external_identifiers']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (scheme_id = linkwell_scheme()) '
      'WITH CHECK (scheme_id = linkwell_scheme())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON referral_settings, people, referrals, consents TO linkwell_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON referral_drafts TO linkwell_app;
GRANT SELECT, INSERT ON referral_events, referral_feedback, external_identifiers TO linkwell_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON submission_throttle TO linkwell_app;

-- The public self-referral form names its scheme by slug, before any tenant is set: this door
-- answers only the scheme's id and name, and only for schemes that take self-referrals.
CREATE FUNCTION linkwell_public_scheme(p_slug text)
  RETURNS TABLE (id uuid, name text, self_referral_enabled boolean)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT s.id, s.name, coalesce(rs.self_referral_enabled, true)
    FROM schemes s LEFT JOIN referral_settings rs ON rs.scheme_id = s.id
    WHERE s.slug = p_slug AND s.kind = 'scheme'
  $$;
REVOKE ALL ON FUNCTION linkwell_public_scheme(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkwell_public_scheme(text) TO linkwell_app;
