import { describe, expect, it } from 'vitest';
import { ROLES } from '../auth/roles.js';
import { homeFor } from './tiles.js';

const figures = { failedNotifications: 0, organisations: 9, members: 7 };

describe('home page per role', () => {
  it.each(ROLES)('%s has a heading, an intro and at least one tile with unique keys', (role) => {
    const home = homeFor(role, figures);
    expect(home.heading.length).toBeGreaterThan(5);
    expect(home.intro.length).toBeGreaterThan(10);
    const keys = home.tiles.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(0);
  });

  it('gives each role its own heading', () => {
    const headings = ROLES.map((r) => homeFor(r, figures).heading);
    expect(new Set(headings).size).toBe(ROLES.length);
  });

  it('links the scheme manager to the audit trail and shows failed notifications only when there are some', () => {
    const calm = homeFor('scheme_manager', figures);
    expect(calm.tiles.find((t) => t.key === 'audit')?.href).toBe('/admin/audit');
    expect(calm.tiles.find((t) => t.key === 'notifications')?.figure).toBeNull();
    const troubled = homeFor('scheme_manager', { ...figures, failedNotifications: 1 });
    expect(troubled.tiles.find((t) => t.key === 'notifications')?.figure).toBe('1 failed message');
  });

  it('links only the scheme manager to the referral settings', () => {
    expect(homeFor('scheme_manager', figures).tiles.find((t) => t.key === 'referral-settings')?.href).toBe('/admin/referral-settings');
    for (const role of ROLES.filter((r) => r !== 'scheme_manager')) {
      expect(homeFor(role, figures).tiles.some((t) => t.href === '/admin/referral-settings')).toBe(false);
    }
  });

  it('links only the scheme manager to the outcome measure settings', () => {
    expect(homeFor('scheme_manager', figures).tiles.find((t) => t.key === 'outcome-settings')?.href).toBe('/admin/outcome-settings');
    for (const role of ROLES.filter((r) => r !== 'scheme_manager')) {
      expect(homeFor(role, figures).tiles.some((t) => t.href === '/admin/outcome-settings')).toBe(false);
    }
  });

  it('links the referral tiles that exist', () => {
    const referrer = homeFor('referrer', figures).tiles;
    expect(referrer.find((t) => t.key === 'new-referral')?.href).toBe('/referrals/new');
    expect(referrer.find((t) => t.key === 'my-referrals')?.href).toBe('/referrals');
    expect(homeFor('link_worker', figures).tiles.find((t) => t.key === 'triage')?.href).toBe('/triage');
  });

  it('links the community directory', () => {
    expect(homeFor('link_worker', figures).tiles.find((t) => t.key === 'directory')?.href).toBe('/directory');
    expect(homeFor('scheme_manager', figures).tiles.find((t) => t.key === 'directory')?.href).toBe('/directory');
    expect(homeFor('vcse_provider', figures).tiles.find((t) => t.key === 'listing')?.href).toBe('/directory/my-organisation');
  });

  it('links link workers and managers, and nobody else, to the measures due', () => {
    expect(homeFor('link_worker', figures).tiles.find((t) => t.key === 'measures-due')?.href).toBe('/outcomes/due');
    expect(homeFor('scheme_manager', figures).tiles.find((t) => t.key === 'measures-due')?.href).toBe('/outcomes/due');
    for (const role of ROLES.filter((r) => r !== 'link_worker' && r !== 'scheme_manager')) {
      expect(homeFor(role, figures).tiles.some((t) => t.href === '/outcomes/due')).toBe(false);
    }
  });

  it('links the provider to its referrals, registers, and places and waiting list', () => {
    const provider = homeFor('vcse_provider', figures).tiles;
    expect(provider.find((t) => t.key === 'incoming')).toMatchObject({ title: 'Referrals to respond to', href: '/provider' });
    expect(provider.find((t) => t.key === 'registers')).toMatchObject({ title: 'Registers', href: '/provider/register' });
    expect(provider.find((t) => t.key === 'places')).toMatchObject({ title: 'Places and waiting list', href: '/provider/services' });
  });

  it('links the link worker to their caseload and only the scheme manager to caseloads, lone working and casework settings', () => {
    expect(homeFor('link_worker', figures).tiles.find((t) => t.key === 'caseload')?.href).toBe('/caseload');
    const manager = homeFor('scheme_manager', figures).tiles;
    expect(manager.find((t) => t.key === 'caseloads')?.href).toBe('/caseload/balance');
    expect(manager.find((t) => t.key === 'lone-working')?.href).toBe('/lone-working');
    expect(manager.find((t) => t.key === 'casework-settings')?.href).toBe('/admin/casework-settings');
    for (const role of ROLES.filter((r) => r !== 'scheme_manager')) {
      const hrefs = homeFor(role, figures).tiles.map((t) => t.href);
      expect(hrefs).not.toContain('/caseload/balance');
      expect(hrefs).not.toContain('/lone-working');
      expect(hrefs).not.toContain('/admin/casework-settings');
    }
  });

  it('never links a referrer or commissioner to administration pages', () => {
    for (const role of ['referrer', 'commissioner'] as const) {
      const hrefs = homeFor(role, figures).tiles.map((t) => t.href ?? '');
      expect(hrefs.some((h) => h.startsWith('/admin'))).toBe(false);
    }
  });
});
