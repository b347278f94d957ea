-- Outcome measurement: the scheme's own scales, its measurement settings and schedule, the
-- responses (completed with the link worker, from paper, entered from a licensed tool, or by
-- the person through a one-time link), the links themselves, reminders sent, the person's
-- reminder preference and their stories. The standard measures are data in the code.

-- A scheme's own scale. Editing it writes a new version; responses keep the definition they
-- were answered on, so an old score never changes meaning.
CREATE TABLE measure_definitions (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  key text NOT NULL CHECK (key ~ '^[a-z][a-z0-9_-]{0,39}$'),
  definition jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, key)
);

-- One row per scheme once a manager changes anything; the code supplies the defaults before.
CREATE TABLE outcome_settings (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  disabled_measures text[] NOT NULL DEFAULT '{}',
  meaningful_change jsonb NOT NULL DEFAULT '{}',
  schedule jsonb NOT NULL,
  overdue_after_days integer NOT NULL DEFAULT 14 CHECK (overdue_after_days BETWEEN 1 AND 90),
  link_expiry_days integer NOT NULL DEFAULT 14 CHECK (link_expiry_days BETWEEN 1 AND 60),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id)
);

CREATE TABLE measure_responses (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  referral_id uuid,
  measure_key text NOT NULL,
  -- the definition as answered (a scheme's scale may change later)
  definition jsonb NOT NULL,
  timepoint text NOT NULL CHECK (timepoint ~ '^(baseline|closure|other|follow-up-[0-9]{1,3})$'),
  status text NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed', 'cancelled')),
  mode text NOT NULL CHECK (mode IN ('self', 'with-worker', 'paper', 'external')),
  answers jsonb NOT NULL DEFAULT '{"values": {}, "names": {}}',
  score jsonb,
  -- the charted score, kept apart for analysis queries
  headline double precision,
  entered_by uuid,
  entered_by_label text,
  completed_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  CHECK ((status = 'completed') = (completed_at IS NOT NULL AND score IS NOT NULL))
);
CREATE INDEX measure_responses_person ON measure_responses (scheme_id, person_id, measure_key, completed_at);
CREATE INDEX measure_responses_referral ON measure_responses (scheme_id, referral_id) WHERE referral_id IS NOT NULL;

-- A one-time link. Only the SHA-256 of its secret is kept. It opens one in-progress response,
-- which the person may save and come back to until they submit it.
CREATE TABLE measure_links (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  token_hash text NOT NULL UNIQUE,
  response_id uuid NOT NULL,
  person_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  notification_id uuid,
  expires_at timestamptz NOT NULL,
  opened_at timestamptz,
  submitted_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, response_id) REFERENCES measure_responses (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);
CREATE INDEX measure_links_person ON measure_links (scheme_id, person_id);

-- Each reminder goes once: per referral, measure, point, recipient and stage (due, overdue).
CREATE TABLE measure_reminders (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  referral_id uuid NOT NULL,
  measure_key text NOT NULL,
  timepoint text NOT NULL,
  recipient text NOT NULL CHECK (recipient IN ('worker', 'person')),
  stage text NOT NULL CHECK (stage IN ('due', 'overdue')),
  notification_id uuid,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, referral_id, measure_key, timepoint, recipient, stage),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id)
);

-- Whether, and how, the person agreed to be reminded themselves.
CREATE TABLE outcome_preferences (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  person_id uuid NOT NULL,
  reminders text NOT NULL DEFAULT 'none' CHECK (reminders IN ('none', 'email', 'sms')),
  agreed_at timestamptz,
  recorded_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, person_id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id)
);

-- "What changed for me", in the person's words, with their consent to share and a
-- de-identified version for reports and case studies.
CREATE TABLE outcome_stories (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  person_id uuid NOT NULL,
  referral_id uuid,
  story text NOT NULL,
  consent_to_share boolean NOT NULL DEFAULT false,
  consent_recorded_at timestamptz,
  consent_recorded_by uuid,
  deidentified text,
  created_by uuid,
  created_by_label text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, person_id) REFERENCES people (scheme_id, id),
  FOREIGN KEY (scheme_id, referral_id) REFERENCES referrals (scheme_id, id),
  CHECK (consent_to_share OR deidentified IS NULL)
);
CREATE INDEX outcome_stories_person ON outcome_stories (scheme_id, person_id);

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['measure_definitions', 'outcome_settings', 'measure_responses', 'measure_links',
    'measure_reminders', 'outcome_preferences', 'outcome_stories']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (scheme_id = linkwell_scheme()) '
      'WITH CHECK (scheme_id = linkwell_scheme())', t);
  END LOOP;
END
$$;

GRANT SELECT, INSERT, UPDATE ON measure_definitions, outcome_settings, measure_responses, measure_links,
  outcome_preferences, outcome_stories TO linkwell_app;
GRANT SELECT, INSERT ON measure_reminders TO linkwell_app;

-- The person's questionnaire page holds only a token, before any tenant is set: this door
-- answers which scheme and link a token hash belongs to, and nothing else.
CREATE FUNCTION linkwell_measure_link(p_token_hash text)
  RETURNS TABLE (scheme_id uuid, link_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT l.scheme_id, l.id FROM measure_links l WHERE l.token_hash = p_token_hash
  $$;
REVOKE ALL ON FUNCTION linkwell_measure_link(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkwell_measure_link(text) TO linkwell_app;
