#!/usr/bin/env node
// `npm test`: type check, lint, unit tests, integration tests on PGlite and (when DATABASE_URL
// is set) on PostgreSQL, then browser tests in Debian's Chromium. Ends with one summary line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'test-artifacts', 'results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const steps = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  steps.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return ok;
}

function vitest(name, project, env = {}) {
  const file = join(out, `${name.replace(/\W+/g, '-')}.json`);
  const ok = run(name, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`], env);
  if (existsSync(file)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numTotalTests === 0) {
      console.error(`${name}: no tests ran`);
      return false;
    }
    // Every test passed but the run still failed (an unhandled error, a crashed worker): count it.
    if (!ok && report.numFailedTests === 0) failed += 1;
  } else if (!ok) {
    failed += 1;
  }
  return ok;
}

const checksOk = [run('type check', 'npx', ['tsc', '-p', 'tsconfig.json']), run('lint', 'npx', ['eslint', '.', '--max-warnings=0'])];
if (checksOk.includes(false)) failed += checksOk.filter((ok) => !ok).length;

vitest('unit', 'unit');
const backends = ['PGlite'];
vitest('integration (PGlite)', 'integration', { LINKWELL_TEST_BACKEND: 'pglite' });
if (process.env.DATABASE_URL) {
  backends.push('PostgreSQL');
  vitest('integration (PostgreSQL)', 'integration', { LINKWELL_TEST_BACKEND: 'postgres' });
} else {
  console.log('\nDATABASE_URL is not set: integration tests ran on PGlite only.');
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(chromium)) {
  if (run('build', 'npm', ['run', '--silent', 'build'])) vitest('browser (Chromium)', 'e2e', { CHROMIUM_PATH: chromium });
  else failed += 1;
} else if (process.env.CI) {
  console.error(`\n${chromium} is missing: CI must run the browser tests (.ci/run installs Debian's chromium).`);
  failed += 1;
} else {
  console.log(`\n${chromium} is not installed: browser tests skipped (apt-get install chromium to run them).`);
}

console.log('\nSummary');
for (const s of steps) console.log(`  ${s.ok ? '✓' : '✗'} ${s.name} (${s.seconds} s)`);
console.log(`  integration backends: ${backends.join(' and ')}`);
console.log(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
