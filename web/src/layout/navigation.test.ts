import { describe, expect, it } from 'vitest';
import { isCurrent, navItems } from './navigation.js';

const labels = (role: Parameters<typeof navItems>[0]): string[] => navItems(role).map((i) => i.label);

describe('navItems', () => {
  it('gives a referrer home, organisations and account', () => {
    expect(labels('referrer')).toEqual(['Home', 'Organisations', 'Account']);
  });
  it('gives a scheme manager the administration pages but not schemes', () => {
    expect(labels('scheme_manager')).toEqual(['Home', 'Organisations', 'Audit trail', 'Notifications', 'API clients', 'Account']);
  });
  it('gives a system administrator schemes too', () => {
    expect(labels('system_admin')).toContain('Schemes');
  });
  it('gives someone without a membership the basics', () => {
    expect(labels(null)).toEqual(['Home', 'Organisations', 'Account']);
  });
});

describe('isCurrent', () => {
  it('marks home only on the root', () => {
    expect(isCurrent('/', '/')).toBe(true);
    expect(isCurrent('/account', '/')).toBe(false);
  });
  it('marks a section on its sub-pages but not on look-alikes', () => {
    expect(isCurrent('/admin/audit', '/admin/audit')).toBe(true);
    expect(isCurrent('/admin/audit/123', '/admin/audit')).toBe(true);
    expect(isCurrent('/admin/auditors', '/admin/audit')).toBe(false);
  });
});
