-- Community directory: organisations and services in the Open Referral UK / HSDS 3.0 model,
-- shared by every scheme of the deployment, plus Linkwell's own fields (referral mode, named
-- contact, capacity, governance, verification), a version history, scheme notes and the
-- postcode directory.
--
-- Directory tables are platform tables: a service belongs to an organisation, not to a scheme,
-- so they carry no scheme_id and no row-level security. Writes reach them only through
-- src/directory, which checks the caller's rights and records a version for every change.
-- What a scheme thinks of a service (notes, preference, whether it lists it publicly) is scheme
-- data and is guarded like the rest.
--
-- Identifiers are those of the source (HSDS ids are UUIDs), so re-importing a feed updates in
-- place. Columns follow HSDS 3.0 names; `extra` keeps fields a source sent that the model does
-- not name, so that an export gives back what was imported.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE directory_organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  alternate_name text,
  description text NOT NULL DEFAULT '',
  email text,
  website text,
  tax_status text,
  tax_id text,
  year_incorporated integer,
  legal_status text,
  logo text,
  uri text,
  parent_organization_id uuid,
  -- Linkwell governance: proportionate assurance, not new bureaucracy.
  legal_form text CHECK (legal_form IN ('incorporated', 'unincorporated')),
  safeguarding_policy_reviewed_on date,
  insurance_expires_on date,
  dbs_policy text,
  quality_marks text[] NOT NULL DEFAULT '{}',
  source text NOT NULL DEFAULT 'linkwell' CHECK (source IN ('linkwell', 'oruk', 'hsds')),
  extra jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE directory_organization_identifiers (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES directory_organizations (id) ON DELETE CASCADE,
  identifier_scheme text,
  identifier_type text NOT NULL,
  identifier text NOT NULL
);
CREATE INDEX directory_organization_identifiers_org ON directory_organization_identifiers (organization_id);

CREATE TABLE directory_programs (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES directory_organizations (id) ON DELETE CASCADE,
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL DEFAULT ''
);

CREATE TABLE directory_services (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES directory_organizations (id),
  program_id uuid REFERENCES directory_programs (id) ON DELETE SET NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 500),
  alternate_name text,
  description text,
  url text,
  email text,
  -- HSDS status, kept exactly; Linkwell reads active → active, 'temporarily closed' → paused,
  -- inactive or defunct → closed. Closed services stay for history but leave search.
  status text NOT NULL CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  interpretation_services text,
  application_process text,
  fees_description text,
  wait_time text,
  fees text,
  accreditations text,
  eligibility_description text,
  minimum_age numeric CHECK (minimum_age >= 0),
  maximum_age numeric CHECK (maximum_age >= 0),
  assured_date date,
  assurer_email text,
  licenses text,
  alert text,
  last_modified timestamptz NOT NULL DEFAULT now(),
  -- Linkwell's own fields.
  referral_mode text NOT NULL DEFAULT 'referrals' CHECK (referral_mode IN ('referrals', 'signposting')),
  named_contact_name text,
  named_contact_role text,
  named_contact_email text,
  named_contact_phone text,
  capacity_places integer CHECK (capacity_places >= 0),
  waitlist_count integer CHECK (waitlist_count >= 0),
  not_taking_until date,
  verified_at timestamptz,
  verified_by uuid REFERENCES users (id),
  verified_by_name text,
  source text NOT NULL DEFAULT 'linkwell' CHECK (source IN ('linkwell', 'oruk', 'hsds')),
  extra jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Search columns, recomputed by src/directory after every write to the service or its parts:
  -- a stemmed document, the taxonomy terms, languages, accessibility features, whether any way
  -- of taking part is free, the hours it runs (weekday × 100 + hour, Monday = 1) and the point
  -- of its first located site.
  search_document tsvector NOT NULL DEFAULT ''::tsvector,
  term_ids uuid[] NOT NULL DEFAULT '{}',
  language_codes text[] NOT NULL DEFAULT '{}',
  accessibility_features text[] NOT NULL DEFAULT '{}',
  free boolean NOT NULL DEFAULT false,
  open_hours smallint[] NOT NULL DEFAULT '{}',
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
);
CREATE INDEX directory_services_org ON directory_services (organization_id);
CREATE INDEX directory_services_search ON directory_services USING gin (search_document);
CREATE INDEX directory_services_terms ON directory_services USING gin (term_ids);
CREATE INDEX directory_services_hours ON directory_services USING gin (open_hours);
CREATE INDEX directory_services_point ON directory_services (latitude, longitude) WHERE latitude IS NOT NULL;
CREATE INDEX directory_services_modified ON directory_services (last_modified, id);
CREATE INDEX directory_services_name_trgm ON directory_services USING gin (name gin_trgm_ops);

CREATE TABLE directory_locations (
  id uuid PRIMARY KEY,
  location_type text NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
  url text,
  organization_id uuid REFERENCES directory_organizations (id),
  name text,
  alternate_name text,
  description text,
  transportation text,
  latitude double precision CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision CHECK (longitude BETWEEN -180 AND 180),
  external_identifier text,
  external_identifier_type text,
  extra jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE directory_addresses (
  id uuid PRIMARY KEY,
  location_id uuid NOT NULL REFERENCES directory_locations (id) ON DELETE CASCADE,
  attention text,
  address_1 text NOT NULL,
  address_2 text,
  city text NOT NULL,
  region text,
  state_province text NOT NULL DEFAULT '',
  postal_code text NOT NULL,
  country text NOT NULL DEFAULT 'GB',
  address_type text NOT NULL DEFAULT 'physical' CHECK (address_type IN ('physical', 'postal', 'virtual'))
);
CREATE INDEX directory_addresses_location ON directory_addresses (location_id);

CREATE TABLE directory_service_at_locations (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  location_id uuid NOT NULL REFERENCES directory_locations (id),
  description text
);
CREATE INDEX directory_service_at_locations_service ON directory_service_at_locations (service_id);
CREATE INDEX directory_service_at_locations_location ON directory_service_at_locations (location_id);

CREATE TABLE directory_schedules (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES directory_services (id) ON DELETE CASCADE,
  location_id uuid REFERENCES directory_locations (id) ON DELETE CASCADE,
  service_at_location_id uuid REFERENCES directory_service_at_locations (id) ON DELETE CASCADE,
  valid_from date,
  valid_to date,
  dtstart date,
  timezone numeric,
  until date,
  count integer,
  wkst text CHECK (wkst IN ('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU')),
  freq text CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  "interval" integer,
  byday text,
  byweekno text,
  bymonthday text,
  byyearday text,
  description text,
  opens_at time,
  closes_at time,
  schedule_link text,
  attending_type text,
  notes text
);
CREATE INDEX directory_schedules_service ON directory_schedules (service_id);
CREATE INDEX directory_schedules_sal ON directory_schedules (service_at_location_id);

CREATE TABLE directory_cost_options (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  valid_from date,
  valid_to date,
  option text,
  currency text,
  amount numeric CHECK (amount >= 0),
  amount_description text
);
CREATE INDEX directory_cost_options_service ON directory_cost_options (service_id);

CREATE TABLE directory_contacts (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES directory_organizations (id) ON DELETE CASCADE,
  service_id uuid REFERENCES directory_services (id) ON DELETE CASCADE,
  service_at_location_id uuid REFERENCES directory_service_at_locations (id) ON DELETE CASCADE,
  location_id uuid REFERENCES directory_locations (id) ON DELETE CASCADE,
  name text,
  title text,
  department text,
  email text
);
CREATE INDEX directory_contacts_service ON directory_contacts (service_id);
CREATE INDEX directory_contacts_org ON directory_contacts (organization_id);

CREATE TABLE directory_phones (
  id uuid PRIMARY KEY,
  location_id uuid REFERENCES directory_locations (id) ON DELETE CASCADE,
  service_id uuid REFERENCES directory_services (id) ON DELETE CASCADE,
  organization_id uuid REFERENCES directory_organizations (id) ON DELETE CASCADE,
  contact_id uuid REFERENCES directory_contacts (id) ON DELETE CASCADE,
  service_at_location_id uuid REFERENCES directory_service_at_locations (id) ON DELETE CASCADE,
  number text NOT NULL,
  extension numeric,
  type text,
  description text
);
CREATE INDEX directory_phones_service ON directory_phones (service_id);
CREATE INDEX directory_phones_org ON directory_phones (organization_id);

CREATE TABLE directory_accessibility (
  id uuid PRIMARY KEY,
  location_id uuid NOT NULL REFERENCES directory_locations (id) ON DELETE CASCADE,
  description text,
  details text,
  url text
);
CREATE INDEX directory_accessibility_location ON directory_accessibility (location_id);

CREATE TABLE directory_languages (
  id uuid PRIMARY KEY,
  service_id uuid REFERENCES directory_services (id) ON DELETE CASCADE,
  location_id uuid REFERENCES directory_locations (id) ON DELETE CASCADE,
  phone_id uuid REFERENCES directory_phones (id) ON DELETE CASCADE,
  name text,
  code text,
  note text
);
CREATE INDEX directory_languages_service ON directory_languages (service_id);

CREATE TABLE directory_service_areas (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  name text,
  description text,
  extent text,
  extent_type text,
  uri text
);
CREATE INDEX directory_service_areas_service ON directory_service_areas (service_id);

CREATE TABLE directory_fundings (
  id uuid PRIMARY KEY,
  organization_id uuid REFERENCES directory_organizations (id) ON DELETE CASCADE,
  service_id uuid REFERENCES directory_services (id) ON DELETE CASCADE,
  source text
);

CREATE TABLE directory_required_documents (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES directory_services (id) ON DELETE CASCADE,
  document text,
  uri text
);

CREATE TABLE directory_taxonomies (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  uri text,
  version text
);

CREATE TABLE directory_taxonomy_terms (
  id uuid PRIMARY KEY,
  code text,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  parent_id uuid,
  taxonomy text,
  language text,
  taxonomy_id uuid REFERENCES directory_taxonomies (id),
  term_uri text
);
CREATE INDEX directory_taxonomy_terms_taxonomy ON directory_taxonomy_terms (taxonomy_id);

-- HSDS attributes: a taxonomy term attached to any entity (a service's categories, a
-- location's accessibility features...).
CREATE TABLE directory_attributes (
  id uuid PRIMARY KEY,
  link_id uuid NOT NULL,
  taxonomy_term_id uuid NOT NULL REFERENCES directory_taxonomy_terms (id),
  link_type text,
  link_entity text NOT NULL,
  value text
);
CREATE INDEX directory_attributes_link ON directory_attributes (link_id);
CREATE INDEX directory_attributes_term ON directory_attributes (taxonomy_term_id);

-- Words that occur in the directory, for typo-tolerant search: a query word that matches
-- nothing is replaced by the most similar known word.
CREATE TABLE directory_words (
  word text PRIMARY KEY
);
CREATE INDEX directory_words_trgm ON directory_words USING gin (word gin_trgm_ops);

-- Every change to a listing: who, when, what (field → before and after). Append-only.
CREATE TABLE directory_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  entity_type text NOT NULL CHECK (entity_type IN ('organization', 'service')),
  entity_id uuid NOT NULL,
  version integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('create', 'update', 'verify', 'status', 'import')),
  changed_by uuid REFERENCES users (id),
  changed_by_label text NOT NULL,
  changes jsonb NOT NULL DEFAULT '{}',
  note text,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX directory_changes_entity ON directory_changes (entity_type, entity_id, id);

-- The ONS Postcode Directory, when loaded (linkwell import onspd).
CREATE TABLE postcodes (
  postcode text PRIMARY KEY CHECK (postcode ~ '^[A-Z0-9]{2,4} [0-9][A-Z]{2}$'),
  latitude double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  lsoa_code text,
  terminated boolean NOT NULL DEFAULT false
);

-- Import runs: what was read, changed and rejected, for the import page.
CREATE TABLE directory_imports (
  id uuid PRIMARY KEY,
  format text NOT NULL CHECK (format IN ('oruk', 'hsds', 'onspd')),
  source text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
  started_by_label text NOT NULL,
  read_count integer NOT NULL DEFAULT 0,
  created_count integer NOT NULL DEFAULT 0,
  updated_count integer NOT NULL DEFAULT 0,
  unchanged_count integer NOT NULL DEFAULT 0,
  rejected jsonb NOT NULL DEFAULT '[]',
  error text,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);

-- Scheme data -----------------------------------------------------------------------------------

-- A scheme organisation of kind 'vcse' may stand for a directory organisation: its members then
-- maintain that organisation's listings.
ALTER TABLE organisations ADD COLUMN directory_organization_id uuid REFERENCES directory_organizations (id);

CREATE TABLE directory_settings (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  stale_after_days integer NOT NULL DEFAULT 365 CHECK (stale_after_days BETWEEN 7 AND 3650),
  -- need category (referral settings) → taxonomy term ids that meet it
  need_terms jsonb NOT NULL DEFAULT '{}',
  -- where the scheme works: link workers' area for the reverse directory
  area_description text,
  area_latitude double precision,
  area_longitude double precision,
  area_radius_km double precision CHECK (area_radius_km > 0),
  contact_email text,
  contact_phone text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id)
);

CREATE TABLE directory_scheme_services (
  scheme_id uuid NOT NULL REFERENCES schemes (id),
  service_id uuid NOT NULL REFERENCES directory_services (id),
  note text CHECK (length(note) <= 4000),
  preferred boolean NOT NULL DEFAULT false,
  public boolean NOT NULL DEFAULT false,
  updated_by uuid REFERENCES users (id),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scheme_id, service_id)
);

ALTER TABLE directory_settings ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON directory_settings USING (scheme_id = linkwell_scheme())
  WITH CHECK (scheme_id = linkwell_scheme());
ALTER TABLE directory_scheme_services ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON directory_scheme_services USING (scheme_id = linkwell_scheme())
  WITH CHECK (scheme_id = linkwell_scheme());

GRANT SELECT, INSERT, UPDATE, DELETE ON directory_organizations, directory_organization_identifiers, directory_programs,
  directory_services, directory_locations, directory_addresses, directory_service_at_locations, directory_schedules,
  directory_cost_options, directory_contacts, directory_phones, directory_accessibility, directory_languages,
  directory_service_areas, directory_fundings, directory_required_documents, directory_taxonomies,
  directory_taxonomy_terms, directory_attributes, directory_words, postcodes TO linkwell_app;
GRANT SELECT, INSERT, UPDATE ON directory_imports, directory_settings, directory_scheme_services TO linkwell_app;
GRANT SELECT, INSERT ON directory_changes TO linkwell_app;

-- The public ORUK API answers for the deployment, before any tenant is set: a service is public
-- when at least one scheme lists it publicly. This door tells only which services those are.
CREATE FUNCTION linkwell_public_service_ids()
  RETURNS TABLE (service_id uuid)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$ SELECT DISTINCT service_id FROM directory_scheme_services WHERE public $$;
REVOKE ALL ON FUNCTION linkwell_public_service_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkwell_public_service_ids() TO linkwell_app;

-- The reverse directory: which schemes work near a point, and how to reach them. Only the
-- scheme's name and its published contact details leave the tenant.
CREATE FUNCTION linkwell_scheme_areas()
  RETURNS TABLE (scheme_id uuid, name text, area_description text, area_latitude double precision,
    area_longitude double precision, area_radius_km double precision, contact_email text, contact_phone text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
  AS $$
    SELECT s.id, s.name, d.area_description, d.area_latitude, d.area_longitude, d.area_radius_km,
      d.contact_email, d.contact_phone
    FROM schemes s JOIN directory_settings d ON d.scheme_id = s.id
    WHERE s.kind = 'scheme'
  $$;
REVOKE ALL ON FUNCTION linkwell_scheme_areas() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION linkwell_scheme_areas() TO linkwell_app;
