import { Command, Option } from 'commander';
import { ConfigError, loadConfig, publicUrl, type Config } from '../config/index.js';
import { ROLES, type Role } from '../auth/roles.js';
import { newSecret } from '../auth/tokens.js';
import { JobQueue } from '../jobs/queue.js';
import { formatDemoSignIns, isEmpty, seedDemo } from '../seed/demo.js';
import { addApiClient, addMember, addOrganisation, createScheme, findSchemeBySlug } from '../schemes/provision.js';
import { openData, startServer } from '../server.js';
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { exportDirectoryCsv } from '../directory/import/export.js';
import { importHsds } from '../directory/import/hsds.js';
import { importOnspd } from '../directory/import/onspd.js';
import { importOruk } from '../directory/import/oruk.js';
import { formatReport, progressRenderer } from '../directory/import/progress.js';
import type { ImportOptions, ImportReport } from '../directory/import/run.js';

function config(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

/** Opens the database, migrates, runs the work and closes again: for one-shot commands. */
async function withData<T>(work: (open: Awaited<ReturnType<typeof openData>>, cfg: Config) => Promise<T>, migrateFirst = true): Promise<T> {
  const cfg = config();
  const open = await openData(cfg);
  try {
    if (migrateFirst) await open.database.migrate();
    return await work(open, cfg);
  } finally {
    await open.database.close();
  }
}

/** exitOverride: throw instead of exiting on a usage error (for tests and embedding). */
export function buildCli(options: { exitOverride?: boolean } = {}): Command {
  const program = new Command('linkwell').description('Linkwell: social prescribing, end to end.').showHelpAfterError();
  if (options.exitOverride) program.exitOverride().configureOutput({ writeErr: () => undefined });

  program
    .command('serve')
    .description('Apply migrations, seed the demo when the database is empty, and serve the web app and API')
    .action(async () => {
      const running = await startServer(config());
      const shutdown = () => {
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(error);
            process.exit(1);
          },
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      const report = await withData(({ database }) => database.migrate(), false);
      console.log(report.applied.length ? `Applied: ${report.applied.join(', ')}` : 'The database is up to date.');
    });

  program
    .command('seed')
    .description('Load demo data')
    .requiredOption('--demo', 'load the demo scheme, organisations and one user per role')
    .option('--force', 'seed even when schemes already exist')
    .action(async (options: { force?: boolean }) => {
      await withData(async ({ database, data }, cfg) => {
        if (!options.force && !(await isEmpty(data))) {
          console.log('The database already has schemes; nothing was changed. Use --force to add the demo anyway.');
          return;
        }
        const jobs = new JobQueue(database.db, { pollMs: cfg.JOBS_POLL_MS });
        const credentials = await seedDemo(data, jobs, { dataDir: cfg.DATA_DIR, publicUrl: publicUrl(cfg) });
        console.log(formatDemoSignIns(credentials, join(cfg.DATA_DIR, 'demo-credentials.json')));
      });
    });

  const scheme = program.command('scheme').description('Manage schemes (tenants)');
  scheme
    .command('create')
    .description('Create a scheme with its host organisation')
    .requiredOption('--slug <slug>', 'short name used in commands, e.g. riverside')
    .requiredOption('--name <name>')
    .requiredOption('--host <name>', 'name of the host organisation')
    .option('--require-mfa', 'every member must use two-step verification')
    .action(async (options: { slug: string; name: string; host: string; requireMfa?: boolean }) => {
      const created = await withData(async ({ data }) => {
        const schemeId = await createScheme(data, { slug: options.slug, name: options.name, requireMfa: options.requireMfa ?? false });
        const hostId = await data.inScheme({ type: 'system', schemeId, label: 'cli' }, {}, (s) => addOrganisation(s, { kind: 'host', name: options.host }));
        return { schemeId, hostId };
      });
      console.log(`scheme: ${created.schemeId}\nhost organisation: ${created.hostId}`);
    });

  const user = program.command('user').description('Manage staff accounts');
  user
    .command('create')
    .description('Create an account (or add a role to an existing one) in a scheme')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--scheme <slug>')
    .addOption(new Option('--role <role>').choices(ROLES).makeOptionMandatory())
    .requiredOption('--organisation <id>', 'organisation id in the scheme')
    .action(async (options: { email: string; name: string; scheme: string; role: Role; organisation: string }) => {
      const password = newSecret(12);
      await withData(async ({ data }) => {
        const schemeId = await findSchemeBySlug(data, options.scheme);
        await addMember(data, schemeId, { email: options.email, displayName: options.name, password, role: options.role, organisationId: options.organisation });
      });
      console.log(`Created. Temporary password: ${password}\nAsk the person to change it with "Forgot your password?".`);
    });

  const client = program.command('client').description('Manage integration (API) clients');
  client
    .command('create')
    .description('Create an OAuth client-credentials client for one organisation')
    .requiredOption('--scheme <slug>')
    .requiredOption('--organisation <id>', 'organisation id in the scheme')
    .requiredOption('--name <name>')
    .option('--scopes <scopes>', 'space-separated scopes', 'referrals.write referrals.read')
    .action(async (options: { scheme: string; organisation: string; name: string; scopes: string }) => {
      const created = await withData(async ({ data }) => {
        const schemeId = await findSchemeBySlug(data, options.scheme);
        return addApiClient(data, schemeId, { name: options.name, organisationId: options.organisation, scopes: options.scopes.split(' ').filter(Boolean) });
      });
      console.log(`client_id: ${created.clientId}\nclient_secret: ${created.clientSecret}\nThe secret is shown once.`);
    });

  const directoryImport = program.command('import').description('Load the community directory or the postcode directory');
  const runImport = async (label: string, work: (db: Awaited<ReturnType<typeof openData>>['database']['db'], opts: ImportOptions) => Promise<ImportReport>) => {
    const progress = progressRenderer(process.stderr, label);
    try {
      const report = await withData(({ database }) => work(database.db, { who: { userId: null, label: `import: ${label}` }, onProgress: (p) => progress.update(p) }));
      progress.done();
      console.log(formatReport(report));
    } catch (error) {
      progress.done();
      // The import as a whole failed (an unreadable file, a feed that did not answer): nothing more was changed.
      console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  };
  directoryImport
    .command('oruk')
    .description('Import an ORUK v3 /services feed (an https:// address, every page) or a JSON file of one')
    .argument('<file-or-url>')
    .action(async (source: string) => {
      const from = /^https?:\/\//i.test(source) ? { url: source } : { file: source };
      await runImport(`oruk ${source}`, (db, opts) => importOruk(db, from, opts));
    });
  directoryImport
    .command('hsds')
    .description('Import an HSDS 3.0 tabular data package (a folder of CSV files)')
    .argument('<dir>')
    .action(async (dir: string) => {
      await runImport(`hsds ${dir}`, (db, opts) => importHsds(db, dir, opts));
    });
  directoryImport
    .command('onspd')
    .description('Load the ONS Postcode Directory CSV into the postcode table')
    .argument('<file>')
    .action(async (file: string) => {
      await runImport(`onspd ${file}`, (db, opts) => importOnspd(db, file, opts));
    });

  program
    .command('export')
    .description('Export data')
    .command('directory')
    .description('Write every directory service to a CSV file, one row each')
    .argument('<file>')
    .action(async (file: string) => {
      const { csv, count } = await withData(({ database }) => exportDirectoryCsv(database.db));
      await writeFile(file, csv);
      console.log(`Wrote ${count} services to ${file}.`);
    });

  return program;
}
