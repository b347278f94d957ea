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

export function navItems(role: Role | null): NavItem[] {
  const items: NavItem[] = [{ href: '/', label: 'Home' }, { href: '/organisations', label: 'Organisations' }];
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

/** Home is current only on "/"; other items stay current on their sub-pages. */
export function isCurrent(pathname: string, href: string): boolean {
  if (href === '/') return pathname === '/';
  return pathname === href || pathname.startsWith(`${href}/`);
}
