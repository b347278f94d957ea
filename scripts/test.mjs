#!/usr/bin/env node
// `npm test`: type check, lint, unit tests, integration tests on PGlite and (when DATABASE_URL
// is set) on PostgreSQL, then browser tests in Debian's Chromium. Ends with one summary line.
import { spawn, spawnSync } from 'node:child_process';
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

// Runs a step with its output held back, so that steps running side by side print whole.
function runQuietly(name, command, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const output = [];
    let done = false;
    const finish = (ok) => {
      if (done) return;
      done = true;
      resolve({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1), output: Buffer.concat(output) });
    };
    // Piped output is not a terminal: ask for the colours the step would have used on one.
    const env = process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env;
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      output.push(Buffer.from(`${error.message}\n`));
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

// The type check and lint each keep one core busy for a while and need nothing from each other.
const tty = process.stdout.isTTY ? ['--pretty'] : [];
const checks = await Promise.all([
  runQuietly('type check', 'npx', ['tsc', '-p', 'tsconfig.json', ...tty]),
  runQuietly('lint', 'npx', ['eslint', '.', '--max-warnings=0']),
]);
for (const check of checks) {
  console.log(`\n▶ ${check.name}`);
  process.stdout.write(check.output);
  steps.push({ name: check.name, ok: check.ok, seconds: check.seconds });
  if (!check.ok) failed += 1;
}

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
