import type { PrincipalRole } from './roles.js';

/**
 * Who may do what, as data: resource × action × role → rule. Anything not listed is denied.
 * A rule is 'allow', or a relationship that must hold between the caller and the record.
 * Every resource that the API exposes is listed here; the matrix test enumerates all of them.
 */
export const RESOURCES = [
  'scheme',
  'organisation',
  'user',
  'audit_event',
  'api_client',
  'notification',
  'person',
  'referral',
  'referral_settings',
  'directory_organization',
  'directory_service',
  'directory_note',
  'directory_settings',
  'directory_import',
  'scheme_contact',
  'measure',
  'outcome_settings',
  'measure_response',
  'measure_link',
  'outcome_story',
  'casework_settings',
  'caseload',
  'assessment',
  'care_plan',
  'contact',
  'lone_working',
  'case_alert',
  'onward_referral',
  'attendance',
  'concern',
  'signpost',
] as const;
export type Resource = (typeof RESOURCES)[number];

/**
 * 'triage': move a referral through its lifecycle and allocate it. 'merge': merge duplicate people.
 * 'verify': confirm a directory listing is still accurate. 'publish': list a service on the public ORUK API.
 */
export const ACTIONS = ['list', 'read', 'create', 'update', 'delete', 'export', 'triage', 'merge', 'import', 'verify', 'publish'] as const;
export type Action = (typeof ACTIONS)[number];

/** 'self': the record is the caller's own account. 'own_organisation': it belongs to the caller's organisation. */
export type Rule = 'allow' | 'self' | 'own_organisation';

type RoleRules = Partial<Record<PrincipalRole, Rule>>;
type ResourcePolicy = Partial<Record<Action, RoleRules>>;

const everyone: RoleRules = {
  referrer: 'allow',
  link_worker: 'allow',
  scheme_manager: 'allow',
  vcse_provider: 'allow',
  safeguarding_lead: 'allow',
  commissioner: 'allow',
  system_admin: 'allow',
};
const administrators: RoleRules = { scheme_manager: 'allow', system_admin: 'allow' };
const caseworkers: RoleRules = { link_worker: 'allow', scheme_manager: 'allow' };

export const POLICY: Record<Resource, ResourcePolicy> = {
  // The caller's own scheme: its name and settings. Only a manager changes settings.
  scheme: {
    read: { ...everyone, api_client: 'allow' },
    update: { scheme_manager: 'allow' },
    list: { system_admin: 'allow' },
  },
  organisation: {
    list: { ...everyone, api_client: 'allow' },
    read: { ...everyone, api_client: 'allow' },
    create: administrators,
    update: { ...administrators, vcse_provider: 'own_organisation' },
  },
  // Staff accounts. Everyone may see and change their own; managers manage their scheme's.
  user: {
    list: administrators,
    read: {
      referrer: 'self',
      link_worker: 'self',
      vcse_provider: 'self',
      safeguarding_lead: 'self',
      commissioner: 'self',
      ...administrators,
    },
    create: administrators,
    update: {
      referrer: 'self',
      link_worker: 'self',
      vcse_provider: 'self',
      safeguarding_lead: 'self',
      commissioner: 'self',
      ...administrators,
    },
    delete: administrators,
  },
  audit_event: { list: administrators, read: administrators, export: administrators },
  api_client: { list: administrators, create: administrators, delete: administrators },
  notification: { list: administrators, update: administrators },
  // The people referred. Link workers and managers hold the scheme's records; an integration
  // sees only people its own organisation referred; a referrer sees them through a referral.
  person: {
    list: caseworkers,
    read: { ...caseworkers, api_client: 'own_organisation' },
    create: { ...caseworkers, referrer: 'allow', api_client: 'allow' },
    update: { ...caseworkers, api_client: 'own_organisation' },
    merge: caseworkers,
  },
  // A referrer sees the referrals they made ('self' = they are its referrer); an integration
  // those of its organisation; link workers and managers all of the scheme's.
  referral: {
    list: { ...caseworkers, referrer: 'self', api_client: 'own_organisation' },
    read: { ...caseworkers, referrer: 'self', api_client: 'own_organisation' },
    create: { ...caseworkers, referrer: 'allow', api_client: 'allow' },
    update: { ...caseworkers, referrer: 'self', api_client: 'own_organisation' },
    triage: caseworkers,
    import: caseworkers,
  },
  referral_settings: {
    read: { ...caseworkers, referrer: 'allow', api_client: 'allow' },
    update: { scheme_manager: 'allow' },
  },
  // The community directory is shared by the deployment's schemes. Anyone signed in may look;
  // a VCSE provider maintains its own organisation's listings ('own_organisation': the listing
  // belongs to the directory organisation that the caller's organisation stands for); scheme
  // staff verify them; managers and administrators maintain any listing.
  directory_organization: {
    list: { ...everyone, api_client: 'allow' },
    read: { ...everyone, api_client: 'allow' },
    create: administrators,
    update: { ...administrators, vcse_provider: 'own_organisation' },
    verify: caseworkers,
  },
  directory_service: {
    list: { ...everyone, api_client: 'allow' },
    read: { ...everyone, api_client: 'allow' },
    create: { ...administrators, vcse_provider: 'own_organisation' },
    update: { ...administrators, vcse_provider: 'own_organisation' },
    verify: caseworkers,
    publish: { scheme_manager: 'allow' },
    export: { ...caseworkers, commissioner: 'allow', system_admin: 'allow' },
  },
  // What the scheme itself knows about a service: notes, preference. Scheme staff only.
  directory_note: {
    read: { ...caseworkers, safeguarding_lead: 'allow' },
    update: caseworkers,
  },
  directory_settings: {
    read: { ...caseworkers, vcse_provider: 'allow' },
    update: { scheme_manager: 'allow' },
  },
  directory_import: {
    list: administrators,
    read: administrators,
    import: administrators,
  },
  // The reverse directory: which link workers and schemes cover an area, and how to reach them.
  scheme_contact: {
    list: { ...everyone },
  },
  // Outcome measures. The definitions (standard and the scheme's own scales) hold no personal
  // data; administrators add scales and switch measures off. Responses, links and stories are
  // about a person: the scheme's caseworkers hold them; an integration reads the completed
  // responses of people its own organisation referred (FHIR QuestionnaireResponse/Observation).
  measure: {
    list: { ...caseworkers, system_admin: 'allow' },
    read: { ...caseworkers, system_admin: 'allow' },
    create: administrators,
    update: administrators,
  },
  outcome_settings: {
    read: { ...caseworkers, system_admin: 'allow' },
    update: administrators,
  },
  measure_response: {
    list: { ...caseworkers, api_client: 'own_organisation' },
    read: { ...caseworkers, api_client: 'own_organisation' },
    create: caseworkers,
    update: caseworkers,
  },
  measure_link: {
    list: caseworkers,
    create: caseworkers,
    delete: caseworkers,
  },
  outcome_story: {
    list: caseworkers,
    read: caseworkers,
    create: caseworkers,
    update: caseworkers,
  },
  // Casework. The case itself (assessment, plan, contacts, alerts and tasks, signposting) is
  // held by the scheme's caseworkers. A link worker's caseload is their own ('self'); a manager
  // sees everyone's, balances them and reassigns.
  casework_settings: {
    read: caseworkers,
    update: { scheme_manager: 'allow' },
  },
  caseload: {
    list: { link_worker: 'self', scheme_manager: 'allow' },
    update: { scheme_manager: 'allow' },
  },
  assessment: { list: caseworkers, read: caseworkers, create: caseworkers },
  care_plan: { list: caseworkers, read: caseworkers, create: caseworkers, update: caseworkers, export: caseworkers },
  contact: { list: caseworkers, read: caseworkers, create: caseworkers, update: caseworkers },
  // A link worker checks in on their own visits; a manager watches them all and acknowledges a
  // missed check-in once the worker is reached.
  lone_working: {
    list: { link_worker: 'self', scheme_manager: 'allow' },
    create: { link_worker: 'self' },
    update: { scheme_manager: 'allow' },
  },
  case_alert: { list: caseworkers, update: caseworkers },
  // A VCSE provider sees the referrals sent to its own organisation's services — the minimum
  // data, only while live and for the scheme's period after — replies to them, keeps their
  // registers and raises concerns. Nothing else about the person.
  onward_referral: {
    list: { ...caseworkers, vcse_provider: 'own_organisation' },
    read: { ...caseworkers, vcse_provider: 'own_organisation' },
    create: caseworkers,
    update: { ...caseworkers, vcse_provider: 'own_organisation' },
  },
  attendance: {
    list: { ...caseworkers, vcse_provider: 'own_organisation' },
    create: { ...caseworkers, vcse_provider: 'own_organisation' },
  },
  concern: {
    list: { ...caseworkers, safeguarding_lead: 'allow' },
    read: { ...caseworkers, safeguarding_lead: 'allow' },
    create: { ...caseworkers, vcse_provider: 'own_organisation' },
  },
  signpost: { list: caseworkers, create: caseworkers },
};

export interface Principal {
  role: PrincipalRole;
  userId?: string | undefined;
  organisationId?: string | undefined;
}

/** What the rule is checked against: the record's owner or organisation, when it has one. */
export interface Target {
  userId?: string | undefined;
  organisationId?: string | undefined;
}

export function ruleFor(role: PrincipalRole, resource: Resource, action: Action): Rule | undefined {
  return POLICY[resource][action]?.[role];
}

/** Can the principal take this action? Without a target, relationship rules are a "maybe": true. */
export function can(principal: Principal, resource: Resource, action: Action, target?: Target): boolean {
  const rule = ruleFor(principal.role, resource, action);
  switch (rule) {
    case undefined:
      return false;
    case 'allow':
      return true;
    case 'self':
      return target === undefined || (target.userId !== undefined && target.userId === principal.userId);
    case 'own_organisation':
      return (
        target === undefined ||
        (target.organisationId !== undefined && target.organisationId === principal.organisationId)
      );
    default: {
      const unreachable: never = rule;
      return unreachable;
    }
  }
}
