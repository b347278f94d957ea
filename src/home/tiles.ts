import type { Role } from '../auth/roles.js';
import type { HomeResponse } from '../contracts/home.js';

type Tile = HomeResponse['tiles'][number];

export interface HomeFigures {
  failedNotifications: number;
  organisations: number;
  members: number;
}

const tile = (key: string, title: string, description: string, href: string | null = null, figure: string | null = null): Tile => ({
  key,
  title,
  description,
  href,
  figure,
});

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * What each role's home page offers. A tile without a link is a part of Linkwell this scheme
 * does not have yet: it says what it will do instead of hiding.
 */
export function homeFor(role: Role, figures: HomeFigures): Pick<HomeResponse, 'heading' | 'intro' | 'tiles'> {
  switch (role) {
    case 'referrer':
      return {
        heading: 'Refer someone for social prescribing',
        intro: 'Refer a patient or client to a link worker and follow what happens next.',
        tiles: [
          tile('new-referral', 'Make a referral', 'Refer a person to the link worker service, with their consent.', '/referrals/new'),
          tile('my-referrals', 'My referrals', 'See each referral you made, its status and the feedback on it.', '/referrals'),
        ],
      };
    case 'link_worker':
      return {
        heading: 'Your caseload',
        intro: 'Triage new referrals, plan with the people you support and refer them on.',
        tiles: [
          tile('triage', 'Triage queue', 'New referrals waiting for a first look, oldest first.', '/triage'),
          tile('caseload', 'My caseload', 'The people you are working with and what is due next.', '/caseload'),
          tile('measures-due', 'Measures due', 'Wellbeing measures due or overdue for the people you work with.', '/outcomes/due'),
          tile('directory', 'Community directory', 'Find groups and services to refer people on to.', '/directory'),
          tile('organisations', 'Organisations in this scheme', 'Practices, partners and community groups.', '/organisations', plural(figures.organisations, 'organisation', 'organisations')),
        ],
      };
    case 'scheme_manager':
      return {
        heading: 'Run your scheme',
        intro: 'Manage people, partners and settings, and check that the scheme is working safely.',
        tiles: [
          tile('triage', 'Triage queue', 'New referrals waiting for a decision, with each link worker’s caseload.', '/triage'),
          tile('referrals', 'Referrals', 'Every referral in the scheme, its status and timeline.', '/referrals'),
          tile('caseloads', 'Caseloads', 'Each link worker’s open cases, alerts and hours, who has room, and moving cases between them.', '/caseload/balance'),
          tile('lone-working', 'Lone working', 'Home visits under way, missed check-ins and calls for help.', '/lone-working'),
          tile('measures-due', 'Measures due', 'Wellbeing measures due or overdue, for your people or everyone in the scheme.', '/outcomes/due'),
          tile('directory', 'Community directory', 'Groups and services to refer people on to; import listings and keep them current.', '/directory'),
          tile('organisations', 'Organisations', 'Practices, partners and community groups in this scheme.', '/organisations', plural(figures.organisations, 'organisation', 'organisations')),
          tile('referral-settings', 'Referral settings', 'Who can be referred, screening questions, targets and self-referral.', '/admin/referral-settings'),
          tile('casework-settings', 'Casework settings', 'Need domains, reply windows for groups, what partners are sent, attendance alerts and lone working.', '/admin/casework-settings'),
          tile('outcome-settings', 'Outcome measures', 'Which wellbeing measures the scheme uses, when they fall due, and the scheme’s own scales.', '/admin/outcome-settings'),
          tile('audit', 'Audit trail', 'Who read or changed what, and when. Search and export.', '/admin/audit'),
          tile(
            'notifications',
            'Notifications',
            'Emails and text messages sent by Linkwell, and any that failed.',
            '/admin/notifications',
            figures.failedNotifications > 0 ? plural(figures.failedNotifications, 'failed message', 'failed messages') : null,
          ),
          tile('api-clients', 'API clients', 'Systems that send referrals to this scheme.', '/admin/api-clients'),
        ],
      };
    case 'vcse_provider':
      return {
        heading: 'Referrals to your organisation',
        intro: 'Accept or decline people referred to you, keep registers and raise concerns.',
        tiles: [
          tile('incoming', 'Referrals to respond to', 'People referred to your activities who are waiting for an answer.', '/provider'),
          tile('registers', 'Registers', 'Record who came to each session.', '/provider/register'),
          tile('places', 'Places and waiting list', 'How many places your services have, and who is waiting.', '/provider/services'),
          tile('listing', 'Your directory listing', 'Keep your services, times and capacity up to date.', '/directory/my-organisation'),
          tile('organisations', 'Organisations in this scheme', 'Practices, partners and community groups.', '/organisations'),
        ],
      };
    case 'safeguarding_lead':
      return {
        heading: 'Safeguarding concerns',
        intro: 'Receive, act on and record concerns raised by link workers and providers.',
        tiles: [
          tile('concerns', 'Open concerns', 'Concerns waiting for action, most urgent first.'),
          tile('organisations', 'Organisations in this scheme', 'Practices, partners and community groups.', '/organisations'),
        ],
      };
    case 'commissioner':
      return {
        heading: 'Scheme evidence',
        intro: 'Activity, outcomes and inequalities in figures you can trust. Small numbers are suppressed.',
        tiles: [
          tile('dashboard', 'Dashboard', 'Referrals, flow and outcomes over time.'),
          tile('organisations', 'Organisations in this scheme', 'Practices, partners and community groups.', '/organisations'),
        ],
      };
    case 'system_admin':
      return {
        heading: 'Platform administration',
        intro: 'Tenants, users and integrations. Clinical content is not shown here.',
        tiles: [
          tile('schemes', 'Schemes', 'The schemes hosted on this platform.', '/admin/schemes', plural(figures.members, 'member', 'members')),
          tile('audit', 'Audit trail', 'Platform events: sign-ins and administration.', '/admin/audit'),
          tile('notifications', 'Notifications', 'Platform emails and any that failed.', '/admin/notifications'),
          tile('api-clients', 'API clients', 'Integration clients.', '/admin/api-clients'),
        ],
      };
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}
