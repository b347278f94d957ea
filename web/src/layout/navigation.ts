import type { Role } from '../../../src/auth/roles.js';

/**
 * Header links by role. The server enforces access on every call; this list only keeps people
 * from being offered pages that would tell them they are not allowed.
 */
export interface NavItem {
  href: string;
  label: string;
}

const ADMIN_ROLES: readonly Role[] = ['scheme_manager', 'system_admin'];

export function canAdministerScheme(role: Role | null): boolean {
  return role !== null && ADMIN_ROLES.includes(role);
}

export function canManageSchemes(role: Role | null): boolean {
  return role === 'system_admin';
}

const CASEWORK_ROLES: readonly Role[] = ['link_worker', 'scheme_manager'];

/** Link workers and managers triage referrals, allocate them and see people's records. */
export function canTriage(role: Role | null): boolean {
  return role !== null && CASEWORK_ROLES.includes(role);
}

/** Who may make a referral through the referral form. */
export function canRefer(role: Role | null): boolean {
  return role === 'referrer' || canTriage(role);
}

/** Every signed-in member reads the community directory; someone without a membership has no scheme to read it in. */
export function canUseDirectory(role: Role | null): boolean {
  return role !== null;
}

/** Who may import listings into the directory (managers and administrators). */
export function canImportDirectory(role: Role | null): boolean {
  return canAdministerScheme(role);
}

/** A VCSE provider keeps its own organisation's listings. */
export function canKeepListings(role: Role | null): boolean {
  return role === 'vcse_provider';
}

/** A VCSE provider answers the referrals sent to its services and keeps their registers. */
export function canProvide(role: Role | null): boolean {
  return role === 'vcse_provider';
}

/** Only a scheme manager changes the scheme's directory settings. */
export function canChangeDirectorySettings(role: Role | null): boolean {
  return role === 'scheme_manager';
}

export function navItems(role: Role | null): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'Home' }];
  if (role === 'referrer') {
    items.push({ href: '/referrals', label: 'My referrals' }, { href: '/referrals/new', label: 'Make a referral' });
  }
  if (canTriage(role)) {
    items.push(
      { href: '/caseload', label: 'Caseload' },
      { href: '/triage', label: 'Triage' },
      { href: '/referrals', label: 'Referrals' },
      { href: '/referrals/import', label: 'Upload referrals' },
    );
  }
  if (canProvide(role)) items.push({ href: '/provider', label: 'Referrals to us' }, { href: '/provider/register', label: 'Registers' });
  if (canUseDirectory(role)) items.push({ href: '/directory', label: 'Directory' });
  if (canKeepListings(role)) items.push({ href: '/directory/my-organisation', label: 'My listings' });
  if (canImportDirectory(role)) items.push({ href: '/directory/import', label: 'Import directory' });
  items.push({ href: '/organisations', label: 'Organisations' });
  // Only a scheme manager may change the scheme's referral rules.
  if (role === 'scheme_manager') items.push({ href: '/admin/referral-settings', label: 'Referral settings' });
  if (canChangeDirectorySettings(role)) items.push({ href: '/admin/directory-settings', label: 'Directory settings' });
  if (canAdministerScheme(role)) {
    items.push(
      { href: '/admin/audit', label: 'Audit trail' },
      { href: '/admin/notifications', label: 'Notifications' },
      { href: '/admin/api-clients', label: 'API clients' },
    );
  }
  if (canManageSchemes(role)) items.push({ href: '/admin/schemes', label: 'Schemes' });
  items.push({ href: '/account', label: 'Account' });
  return items;
}

/** Menu links that sit inside another's section, such as "Make a referral" inside "/referrals". */
const SUB_SECTIONS: readonly string[] = ['/referrals/new', '/referrals/import', '/directory/import', '/directory/my-organisation'];

function within(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * Home is current only on "/"; other items stay current on their sub-pages, except the pages of
 * a sub-section that has a menu link of its own, so that only one link is marked current.
 */
export function isCurrent(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  if (!within(pathname, href)) return false;
  return !SUB_SECTIONS.some((sub) => sub !== href && sub.startsWith(`${href}/`) && within(pathname, sub));
}
