-- Foundation: tenants (schemes), organisations, identities, sessions, API clients, the audit
-- trail, the job queue and the notification outbox.
--
-- Two kinds of table:
--  * scheme tables carry scheme_id as the first column of their primary key and are guarded by
--    row-level security keyed on the per-transaction setting linkwell.scheme_id;
--  * platform tables (identities, sessions, tokens, jobs) hold no scheme content and are reached
--    only through the data-access layer.
-- The app runs every statement as linkwell_app, which does not own the tables and cannot
-- bypass row-level security.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'linkwell_app') THEN
    CREATE ROLE linkwell_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'linkwell_app', 'MEMBER') THEN
    EXECUTE format('GRANT linkwell_app TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO linkwell_app;
GRANT SELECT ON schema_migrations TO linkwell_app;

CREATE FUNCTION linkwell_scheme() RETURNS uuid
  LANGUAGE sql STABLE
  AS $$ SELECT nullif(current_setting('linkwell.scheme_id', true), '')::uuid $$;

-- Tenants --------------------------------------------------------------------------------

CREATE TABLE schemes (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL DEFAULT 'scheme' CHECK (kind IN ('scheme', 'platform')),
  require_mfa boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organisations (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('pcn', 'gp_practice', 'host', 'vcse', 'icb', 'local_authority', 'platform')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  ods_code text CHECK (ods_code ~ '^[A-Z0-9]{3,10}$'),
  parent_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  FOREIGN KEY (scheme_id, parent_id) REFERENCES organisations (scheme_id, id)
);

-- Identities (platform) -------------------------------------------------------------------

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  password_hash text,
  password_changed_at timestamptz,
  totp_secret text,
  totp_last_step bigint,
  mfa_enabled boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE memberships (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  organisation_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('referrer', 'link_worker', 'scheme_manager', 'vcse_provider',
    'safeguarding_lead', 'commissioner', 'system_admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, user_id, organisation_id, role),
  FOREIGN KEY (scheme_id, organisation_id) REFERENCES organisations (scheme_id, id)
);
CREATE INDEX memberships_user ON memberships (user_id);

CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  scheme_id uuid,
  membership_id uuid,
  stage text NOT NULL CHECK (stage IN ('mfa', 'mfa_setup', 'active')),
  csrf_token text NOT NULL,
  ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  window_started_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz
);

CREATE TABLE password_reset_tokens (
  token_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Integration clients ----------------------------------------------------------------------

CREATE TABLE api_clients (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  client_id text NOT NULL CHECK (client_id ~ '^lw_[a-z0-9]{20,64}$'),
  secret_hash text NOT NULL,
  scopes text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  PRIMARY KEY (scheme_id, id),
  UNIQUE (scheme_id, client_id),
  FOREIGN KEY (scheme_id, organisation_id) REFERENCES organisations (scheme_id, id)
);
CREATE INDEX api_clients_client_id ON api_clients (client_id);

CREATE TABLE api_tokens (
  token_hash text PRIMARY KEY,
  scheme_id uuid NOT NULL,
  api_client_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  scopes text[] NOT NULL,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Audit trail -------------------------------------------------------------------------------

CREATE TABLE audit_events (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_type text NOT NULL CHECK (actor_type IN ('user', 'client', 'system', 'anonymous')),
  actor_id uuid,
  actor_label text,
  actor_role text,
  action text NOT NULL CHECK (action IN ('read', 'create', 'update', 'delete', 'export',
    'sign-in', 'sign-in-failed', 'sign-out', 'mfa', 'password-reset', 'token-issued')),
  entity_type text NOT NULL,
  entity_id text,
  ip text,
  request_id text,
  reason text,
  detail jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (scheme_id, id)
);
CREATE INDEX audit_events_when ON audit_events (scheme_id, occurred_at DESC);
CREATE INDEX audit_events_entity ON audit_events (scheme_id, entity_type, entity_id);

CREATE FUNCTION linkwell_audit_is_append_only() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION linkwell_audit_is_append_only();
CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION linkwell_audit_is_append_only();

-- Jobs (platform; payloads carry ids, never personal data) ---------------------------------

CREATE TABLE jobs (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  queue text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  scheme_id uuid,
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz,
  locked_by text,
  last_error text,
  singleton_key text UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  completed_at timestamptz
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status IN ('queued', 'running');

-- Notification outbox ----------------------------------------------------------------------

CREATE TABLE notifications (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  template text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL DEFAULT '',
  body text NOT NULL,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'failed', 'permanent-failure')),
  adapter text,
  provider_reference text,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  entity_type text,
  entity_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (scheme_id, id)
);
CREATE INDEX notifications_status ON notifications (scheme_id, status, created_at DESC);

-- Row-level security on every scheme table ------------------------------------------------

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisations', 'memberships', 'api_clients', 'audit_events', 'notifications']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (scheme_id = linkwell_scheme()) '
      'WITH CHECK (scheme_id = linkwell_scheme())', t);
  END LOOP;
END
$$;

ALTER TABLE schemes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON schemes USING (id = linkwell_scheme()) WITH CHECK (id = linkwell_scheme());

-- Privileges of the app role: least needed. No UPDATE or DELETE on the audit trail.
-- A new tenant is created by setting linkwell.scheme_id to its id first (WITH CHECK above).
GRANT SELECT, INSERT, UPDATE ON schemes TO linkwell_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON organisations, memberships, api_clients, notifications TO linkwell_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON users, sessions, login_throttle, password_reset_tokens, api_tokens, jobs
  TO linkwell_app;
GRANT SELECT, INSERT ON audit_events TO linkwell_app;

-- Narrow doors across tenants, each for one purpose, running as the table owner. -------------

-- Sign-in needs the memberships of one user across schemes.
CREATE FUNCTION linkwell_memberships_of(p_user_id uuid)
  RETURNS TABLE (scheme_id uuid, scheme_slug text, scheme_name text, scheme_kind text, require_mfa boolean,
    membership_id uuid, role text, organisation_id uuid, organisation_name text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT s.id, s.slug, s.name, s.kind, s.require_mfa, m.id, m.role, o.id, o.name
    FROM memberships m
    JOIN schemes s ON s.id = m.scheme_id
    JOIN organisations o ON o.scheme_id = m.scheme_id AND o.id = m.organisation_id
    WHERE m.user_id = p_user_id
    ORDER BY s.name, m.role
  $$;

-- The token endpoint finds a client by its public client_id before knowing its scheme.
CREATE FUNCTION linkwell_find_api_client(p_client_id text)
  RETURNS TABLE (scheme_id uuid, id uuid, organisation_id uuid, secret_hash text, scopes text[], revoked_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT scheme_id, id, organisation_id, secret_hash, scopes, revoked_at
    FROM api_clients WHERE client_id = p_client_id
  $$;

-- The system administrator manages tenants: names and counts only, no scheme content.
CREATE FUNCTION linkwell_scheme_directory()
  RETURNS TABLE (id uuid, slug text, name text, kind text, require_mfa boolean, created_at timestamptz,
    organisation_count bigint, member_count bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT s.id, s.slug, s.name, s.kind, s.require_mfa, s.created_at,
      (SELECT count(*) FROM organisations o WHERE o.scheme_id = s.id),
      (SELECT count(*) FROM memberships m WHERE m.scheme_id = s.id)
    FROM schemes s ORDER BY s.kind DESC, s.name
  $$;

REVOKE ALL ON FUNCTION linkwell_memberships_of(uuid), linkwell_find_api_client(text), linkwell_scheme_directory()
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkwell_memberships_of(uuid), linkwell_find_api_client(text), linkwell_scheme_directory()
  TO linkwell_app;

-- The platform scheme: home of system administrators and of events that belong to no scheme.
INSERT INTO schemes (id, slug, name, kind) VALUES
  ('00000000-0000-0000-0000-000000000000', 'platform', 'Linkwell platform', 'platform');
INSERT INTO organisations (scheme_id, id, kind, name) VALUES
  ('00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000', 'platform',
   'Linkwell platform administration');
