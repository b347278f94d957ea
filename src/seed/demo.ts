import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Role } from '../auth/roles.js';
import { newSecret } from '../auth/tokens.js';
import type { Actor, DataAccess } from '../data/access.js';
import type { JobQueue } from '../jobs/queue.js';
import { queueNotification } from '../notifications/outbox.js';
import { PLATFORM_SCHEME_ID } from '../auth/sign-in.js';
import { addApiClient, addMember, addOrganisation, createScheme } from '../schemes/provision.js';
import { seedDemoDirectory } from './demo-directory.js';
import { seedDemoCasework } from './demo-casework.js';
import { seedDemoOutcomes } from './demo-outcomes.js';
import { seedDemoReferrals } from './demo-referrals.js';

export interface DemoUser {
  role: Role;
  email: string;
  password: string;
  displayName: string;
  scheme: string;
  organisation: string;
}

export interface DemoCredentials {
  note: string;
  users: DemoUser[];
  apiClient: { clientId: string; clientSecret: string; tokenUrl: string; scheme: string; organisation: string };
}

/** True when no scheme (other than the platform itself) exists yet. */
export async function isEmpty(data: DataAccess): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from linkwell_scheme_directory() where kind = 'scheme'`.execute(data.db);
  return (rows[0]?.n ?? 0) === 0;
}

const PEOPLE: { role: Role; displayName: string; local: string; organisation: string }[] = [
  { role: 'referrer', displayName: 'Dr Amara Okafor', local: 'amara.okafor', organisation: 'Riverside Medical Centre' },
  { role: 'link_worker', displayName: 'Sam Patel', local: 'sam.patel', organisation: 'Riverside Community Action' },
  { role: 'link_worker', displayName: 'Jo Bennett', local: 'jo.bennett', organisation: 'Riverside Community Action' },
  { role: 'referrer', displayName: 'Lucy Grant (practice nurse)', local: 'lucy.grant', organisation: 'Bridge Street Surgery' },
  { role: 'scheme_manager', displayName: 'Helen Price', local: 'helen.price', organisation: 'Riverside Community Action' },
  { role: 'vcse_provider', displayName: 'Tom Whitfield', local: 'tom.whitfield', organisation: 'Green Shoots Community Garden' },
  { role: 'vcse_provider', displayName: 'Sue Marshall', local: 'sue.marshall', organisation: 'Riverside Age Friends' },
  { role: 'safeguarding_lead', displayName: 'Grace Adeyemi', local: 'grace.adeyemi', organisation: 'Riverside Community Action' },
  { role: 'commissioner', displayName: 'Owen Hughes', local: 'owen.hughes', organisation: 'North Riverside Integrated Care Board' },
];

/**
 * A demo scheme with organisations of every kind and one person per role, plus a second,
 * smaller scheme that shows tenants are kept apart. Passwords are made fresh for each install.
 */
export async function seedDemo(data: DataAccess, jobs: JobQueue, options: { dataDir: string; publicUrl: string }): Promise<DemoCredentials> {
  const riverside = await createScheme(data, { slug: 'riverside', name: 'Riverside Social Prescribing' }, 'demo seed');
  const orgs = await data.inScheme({ type: 'system', schemeId: riverside, label: 'demo seed' }, {}, async (scope) => {
    const icb = await addOrganisation(scope, { kind: 'icb', name: 'North Riverside Integrated Care Board', odsCode: 'QR9' });
    const pcn = await addOrganisation(scope, { kind: 'pcn', name: 'Riverside Primary Care Network', odsCode: 'U99001', parentId: icb });
    const ids: Record<string, string> = {
      'North Riverside Integrated Care Board': icb,
      'Riverside Primary Care Network': pcn,
      'Riverside Medical Centre': await addOrganisation(scope, { kind: 'gp_practice', name: 'Riverside Medical Centre', odsCode: 'Y99001', parentId: pcn }),
      'Bridge Street Surgery': await addOrganisation(scope, { kind: 'gp_practice', name: 'Bridge Street Surgery', odsCode: 'Y99002', parentId: pcn }),
      'Meadow Lane Health Centre': await addOrganisation(scope, { kind: 'gp_practice', name: 'Meadow Lane Health Centre', odsCode: 'Y99003', parentId: pcn }),
      'Riverside Community Action': await addOrganisation(scope, { kind: 'host', name: 'Riverside Community Action' }),
      'Riverside Borough Council': await addOrganisation(scope, { kind: 'local_authority', name: 'Riverside Borough Council', odsCode: 'E09999' }),
      'Green Shoots Community Garden': await addOrganisation(scope, { kind: 'vcse', name: 'Green Shoots Community Garden' }),
      'Riverside Age Friends': await addOrganisation(scope, { kind: 'vcse', name: 'Riverside Age Friends' }),
      'Money Matters Advice Centre': await addOrganisation(scope, { kind: 'vcse', name: 'Money Matters Advice Centre' }),
    };
    return ids;
  });

  const users: DemoUser[] = [];
  const actors = new Map<string, Actor & { type: 'user' }>();
  for (const person of PEOPLE) {
    const organisationId = orgs[person.organisation];
    if (!organisationId) throw new Error(`Demo organisation missing: ${person.organisation}`);
    const password = newSecret(12);
    const email = `${person.local}@riverside.example.org`;
    const member = await addMember(data, riverside, { email, displayName: person.displayName, password, role: person.role, organisationId }, 'demo seed');
    actors.set(person.local, { type: 'user', schemeId: riverside, userId: member.userId, membershipId: member.membershipId, label: person.displayName, role: person.role, organisationId });
    users.push({ role: person.role, email, password, displayName: person.displayName, scheme: 'Riverside Social Prescribing', organisation: person.organisation });
  }

  const adminPassword = newSecret(12);
  await addMember(
    data,
    PLATFORM_SCHEME_ID,
    { email: 'platform.admin@linkwell.example.org', displayName: 'Priya Nair', password: adminPassword, role: 'system_admin', organisationId: PLATFORM_SCHEME_ID },
    'demo seed',
  );
  users.push({ role: 'system_admin', email: 'platform.admin@linkwell.example.org', password: adminPassword, displayName: 'Priya Nair', scheme: 'Linkwell platform', organisation: 'Linkwell platform administration' });

  // A second tenant: its manager sees none of Riverside's records, and Riverside sees none of its.
  const hillside = await createScheme(data, { slug: 'hillside', name: 'Hillside Wellbeing Partnership', requireMfa: true }, 'demo seed');
  await data.inScheme({ type: 'system', schemeId: hillside, label: 'demo seed' }, {}, async (scope) => {
    await addOrganisation(scope, { kind: 'host', name: 'Hillside Wellbeing Partnership' });
    await addOrganisation(scope, { kind: 'gp_practice', name: 'Hillside Family Practice', odsCode: 'Y99101' });
    await addOrganisation(scope, { kind: 'vcse', name: 'Hillside Walking for Health' });
  });

  const practice = orgs['Riverside Medical Centre'] ?? '';
  const client = await addApiClient(data, riverside, { name: 'Riverside Medical Centre GP system', organisationId: practice, scopes: ['referrals.write', 'referrals.read'] }, 'demo seed');

  // Welcome emails go through the real outbox and job queue, so the notifications page has a story.
  await data.inScheme({ type: 'system', schemeId: riverside, label: 'demo seed' }, {}, async (scope) => {
    for (const user of users.filter((u) => u.role !== 'system_admin')) {
      await queueNotification(scope, jobs, {
        channel: 'email',
        template: 'welcome',
        recipient: user.email,
        subject: 'Your Linkwell account is ready',
        body: `Dear ${user.displayName},\n\nYou have been given the ${user.role.replace('_', ' ')} role in Riverside Social Prescribing. Sign in at ${options.publicUrl}/sign-in.`,
        entityType: 'user',
      });
    }
  });

  const apiClient = await data.inScheme({ type: 'system', schemeId: riverside, label: 'demo seed' }, {}, (scope) =>
    scope.db.selectFrom('api_clients').select('id').where('client_id', '=', client.clientId).executeTakeFirstOrThrow(),
  );
  const actor = (local: string) => {
    const found = actors.get(local);
    if (!found) throw new Error(`Demo user missing: ${local}`);
    return found;
  };
  await seedDemoDirectory(data, {
    riverside,
    hillside,
    schemeOrganisations: orgs,
    verifier: { userId: actor('jo.bennett').userId, label: actor('jo.bennett').label },
    managerUserId: actor('helen.price').userId,
  });
  await seedDemoReferrals(
    data,
    jobs,
    riverside,
    {
      gp: actor('amara.okafor'),
      nurse: actor('lucy.grant'),
      sam: actor('sam.patel'),
      jo: actor('jo.bennett'),
      manager: actor('helen.price'),
      gpSystem: { type: 'client', schemeId: riverside, apiClientId: apiClient.id, label: 'Riverside Medical Centre GP system', organisationId: practice, scopes: ['referrals.write'] },
    },
    options.publicUrl,
  );
  // Casework before outcomes: Harold's case closes there, after his plan and groups are recorded.
  await seedDemoCasework(
    data,
    jobs,
    { sam: actor('sam.patel'), jo: actor('jo.bennett'), manager: actor('helen.price'), tom: actor('tom.whitfield'), sue: actor('sue.marshall') },
    options.publicUrl,
  );
  await seedDemoOutcomes(data, jobs, { sam: actor('sam.patel'), jo: actor('jo.bennett'), manager: actor('helen.price') }, options.publicUrl);

  const credentials: DemoCredentials = {
    note: 'Demo sign-ins for this installation only. Passwords were generated when the demo data was created.',
    users,
    apiClient: { ...client, tokenUrl: `${options.publicUrl}/oauth/token`, scheme: 'Riverside Social Prescribing', organisation: 'Riverside Medical Centre' },
  };
  mkdirSync(options.dataDir, { recursive: true });
  writeFileSync(join(options.dataDir, 'demo-credentials.json'), JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  return credentials;
}

export function formatDemoSignIns(credentials: DemoCredentials, path: string): string {
  const width = Math.max(...credentials.users.map((u) => u.email.length));
  const lines = credentials.users.map((u) => `  ${u.role.padEnd(18)} ${u.email.padEnd(width)}  ${u.password}`);
  return ['Demo sign-ins (role, email, password):', ...lines, `API client: ${credentials.apiClient.clientId} (secret in ${path})`].join('\n');
}
