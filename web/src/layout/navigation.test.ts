import { describe, expect, it } from 'vitest';
import { canChangeDirectorySettings, canImportDirectory, canKeepListings, canRefer, canTriage, canUseDirectory, isCurrent, navItems } from './navigation.js';

const labels = (role: Parameters<typeof navItems>[0]): string[] => navItems(role).map((i) => i.label);

describe('navItems', () => {
  it('gives a referrer their referrals and the referral form', () => {
    expect(labels('referrer')).toEqual(['Home', 'My referrals', 'Make a referral', 'Directory', 'Organisations', 'Account']);
    expect(navItems('referrer').find((i) => i.label === 'Make a referral')?.href).toBe('/referrals/new');
  });
  it('gives a link worker triage, referrals and the upload, but no administration', () => {
    expect(labels('link_worker')).toEqual(['Home', 'Caseload', 'Triage', 'Referrals', 'Upload referrals', 'Directory', 'Organisations', 'Account']);
    expect(navItems('link_worker').map((i) => i.href)).toEqual(['/', '/caseload', '/triage', '/referrals', '/referrals/import', '/directory', '/organisations', '/account']);
  });
  it('gives a scheme manager casework and the administration pages but not schemes', () => {
    expect(labels('scheme_manager')).toEqual([
      'Home',
      'Caseload',
      'Triage',
      'Referrals',
      'Upload referrals',
      'Directory',
      'Import directory',
      'Organisations',
      'Referral settings',
      'Directory settings',
      'Audit trail',
      'Notifications',
      'API clients',
      'Account',
    ]);
  });
  it('gives a VCSE provider its referrals, registers and listings, and no casework', () => {
    expect(labels('vcse_provider')).toEqual(['Home', 'Referrals to us', 'Registers', 'Directory', 'My listings', 'Organisations', 'Account']);
    expect(navItems('vcse_provider').find((i) => i.label === 'Referrals to us')?.href).toBe('/provider');
  });
  it('gives roles without casework no referral pages', () => {
    for (const role of ['vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin'] as const) {
      expect(navItems(role).some((i) => i.href.startsWith('/referrals') || i.href === '/triage')).toBe(false);
    }
  });
  it('links only a scheme manager to the referral settings', () => {
    expect(navItems('scheme_manager').find((i) => i.label === 'Referral settings')?.href).toBe('/admin/referral-settings');
    for (const role of ['referrer', 'link_worker', 'vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin', null] as const) {
      expect(labels(role)).not.toContain('Referral settings');
    }
  });
  it('gives a system administrator schemes too', () => {
    expect(labels('system_admin')).toContain('Schemes');
  });
  it('gives someone without a membership the basics', () => {
    expect(labels(null)).toEqual(['Home', 'Organisations', 'Account']);
  });
});

describe('directory links', () => {
  const everyRole = ['referrer', 'link_worker', 'scheme_manager', 'vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin'] as const;
  it('offers the directory to every member', () => {
    for (const role of everyRole) expect(navItems(role).find((i) => i.label === 'Directory')?.href).toBe('/directory');
  });
  it('offers the import to managers and administrators only', () => {
    expect(everyRole.filter((role) => labels(role).includes('Import directory'))).toEqual(['scheme_manager', 'system_admin']);
    expect(navItems('system_admin').find((i) => i.label === 'Import directory')?.href).toBe('/directory/import');
  });
  it('gives a VCSE provider their listings', () => {
    expect(labels('vcse_provider')).toEqual(['Home', 'Referrals to us', 'Registers', 'Directory', 'My listings', 'Organisations', 'Account']);
    expect(navItems('vcse_provider').find((i) => i.label === 'My listings')?.href).toBe('/directory/my-organisation');
  });
  it('links only a scheme manager to the directory settings', () => {
    expect(everyRole.filter((role) => labels(role).includes('Directory settings'))).toEqual(['scheme_manager']);
    expect(navItems('scheme_manager').find((i) => i.label === 'Directory settings')?.href).toBe('/admin/directory-settings');
  });
  it('marks one link current inside the directory', () => {
    expect(isCurrent('/directory', '/directory')).toBe(true);
    expect(isCurrent('/directory/services/abc', '/directory')).toBe(true);
    expect(isCurrent('/directory/import', '/directory')).toBe(false);
    expect(isCurrent('/directory/import', '/directory/import')).toBe(true);
    expect(isCurrent('/directory/my-organisation', '/directory')).toBe(false);
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
  it('marks only the sub-section when it has a link of its own', () => {
    expect(isCurrent('/referrals/new', '/referrals/new')).toBe(true);
    expect(isCurrent('/referrals/new', '/referrals')).toBe(false);
    expect(isCurrent('/referrals/import', '/referrals')).toBe(false);
    expect(isCurrent('/referrals/0b7e2f4e-1d3c-4b5a-9f00-123456789abc', '/referrals')).toBe(true);
    expect(isCurrent('/referrals', '/referrals')).toBe(true);
  });
});

describe('role checks', () => {
  it('lets link workers and scheme managers triage', () => {
    expect(canTriage('link_worker')).toBe(true);
    expect(canTriage('scheme_manager')).toBe(true);
    expect(canTriage('referrer')).toBe(false);
    expect(canTriage('system_admin')).toBe(false);
    expect(canTriage(null)).toBe(false);
  });
  it('lets referrers and caseworkers refer', () => {
    expect(canRefer('referrer')).toBe(true);
    expect(canRefer('link_worker')).toBe(true);
    expect(canRefer('commissioner')).toBe(false);
    expect(canRefer(null)).toBe(false);
  });
  it('gates the directory pages by role', () => {
    expect(canUseDirectory('commissioner')).toBe(true);
    expect(canUseDirectory(null)).toBe(false);
    expect(canImportDirectory('scheme_manager')).toBe(true);
    expect(canImportDirectory('link_worker')).toBe(false);
    expect(canKeepListings('vcse_provider')).toBe(true);
    expect(canKeepListings('link_worker')).toBe(false);
    expect(canChangeDirectorySettings('scheme_manager')).toBe(true);
    expect(canChangeDirectorySettings('system_admin')).toBe(false);
  });
});
