/** The roles of PRODUCT.md §2 that sign in. A person (self-referrer) uses one-time links instead. */
export const ROLES = [
  'referrer',
  'link_worker',
  'scheme_manager',
  'vcse_provider',
  'safeguarding_lead',
  'commissioner',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** An integration (API client) is a principal too, with its own narrow grants. */
export type PrincipalRole = Role | 'api_client';
export const PRINCIPAL_ROLES: readonly PrincipalRole[] = [...ROLES, 'api_client'];

export const ROLE_LABELS: Record<Role, string> = {
  referrer: 'Referrer',
  link_worker: 'Link worker',
  scheme_manager: 'Scheme manager',
  vcse_provider: 'VCSE provider',
  safeguarding_lead: 'Safeguarding lead',
  commissioner: 'Commissioner',
  system_admin: 'System administrator',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
