// Referral creation throughput and latency, through REST and through FHIR, at 32 concurrent
// clients over loopback HTTP, each reported as a ratio to raw single-row inserts into the same
// database measured in the same run (machines here are noisy: ratios travel, seconds do not).
//
//   npm run bench                         embedded PGlite
//   DATABASE_URL=postgres://… npm run bench   also a PostgreSQL server (a throwaway database)
//
// Options: --ops N (per scenario, default 400), --concurrency N (default 32), --json

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { addApiClient } from '../dist/server/schemes/provision.js';
import { createTestScheme, openTestApp } from '../dist/server/testing/app.js';
import { referralBody, testNhsNumber } from '../dist/server/testing/referrals.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? Number(args[at + 1]) : fallback;
};
const OPS = option('ops', 400);
const CONCURRENCY = option('concurrency', 32);
const RAW_OPS = OPS * 5;
const WARM_UP = 40;

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}

/** Runs `total` operations with `concurrency` workers; returns ops/s and latency percentiles (ms). */
async function measure(total, concurrency, operation) {
  const latencies = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= total) return;
      const t0 = performance.now();
      try {
        await operation(index);
      } catch (error) {
        failures += 1;
        if (failures === 1) console.error(String(error));
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { ops: total, failures, throughput: total / seconds, p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
}

async function expectStatus(response, status) {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${(await response.text()).slice(0, 300)}`);
  await response.arrayBuffer();
}

function fhirBundle() {
  const patient = `urn:uuid:${randomUUID()}`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: patient,
        resource: {
          resourceType: 'Patient',
          identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: testNhsNumber() }],
          name: [{ family: `Bench-${randomUUID().slice(0, 8)}`, given: ['Alex'] }],
          birthDate: '1961-07-04',
          gender: 'female',
          address: [{ postalCode: 'LS1 4AP' }],
        },
        request: { method: 'POST', url: 'Patient' },
      },
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: {
          resourceType: 'ServiceRequest',
          status: 'active',
          intent: 'order',
          category: [{ coding: [{ system: 'https://linkwell.dev/fhir/CodeSystem/need-category', code: 'loneliness' }] }],
          code: { coding: [{ system: 'http://snomed.info/sct', code: '871731000000106', display: 'Referral to social prescribing service' }] },
          subject: { reference: patient },
          authoredOn: new Date().toISOString(),
          reasonCode: [{ text: 'Isolated since a bereavement; would like to meet people.' }],
        },
        request: { method: 'POST', url: 'ServiceRequest' },
      },
    ],
  };
}

async function benchBackend(backend) {
  process.env.LINKWELL_TEST_BACKEND = backend;
  const t = await openTestApp();
  try {
    const scheme = await createTestScheme(t.ctx.data);
    const client = await addApiClient(t.ctx.data, scheme.schemeId, { name: 'Bench GP system', organisationId: scheme.organisations.practice, scopes: [] }, 'bench');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    const base = `http://127.0.0.1:${address.port}`;
    const tokenResponse = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }),
    });
    const { access_token: token } = await tokenResponse.json();
    const auth = { authorization: `Bearer ${token}` };

    const raw = () => sql`insert into submission_throttle (key) values (${`bench-${randomUUID()}`})`.execute(t.ctx.data.db);
    const rest = () =>
      fetch(`${base}/api/referrals`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(referralBody({ person: { gpPracticeOds: 'Y00001' } })),
      }).then((r) => expectStatus(r, 201));
    const fhir = () =>
      fetch(`${base}/fhir`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' },
        body: JSON.stringify(fhirBundle()),
      }).then((r) => expectStatus(r, 200));

    // Warm up each path (JIT, caches, connection pool), then alternate the baseline around the
    // scenarios so a drift in machine speed shows up in both baseline runs.
    await measure(WARM_UP, CONCURRENCY, raw);
    await measure(WARM_UP, CONCURRENCY, rest);
    await measure(WARM_UP, CONCURRENCY, fhir);
    const raw1 = await measure(RAW_OPS, CONCURRENCY, raw);
    const restResult = await measure(OPS, CONCURRENCY, rest);
    const fhirResult = await measure(OPS, CONCURRENCY, fhir);
    const raw2 = await measure(RAW_OPS, CONCURRENCY, raw);
    await sql`delete from submission_throttle where key like 'bench-%'`.execute(t.ctx.data.db);
    const baseline = { throughput: (raw1.throughput + raw2.throughput) / 2, p95: (raw1.p95 + raw2.p95) / 2 };
    return { backend, concurrency: CONCURRENCY, raw: [raw1, raw2], baseline, rest: restResult, fhir: fhirResult };
  } finally {
    await t.close();
  }
}

function report(result) {
  const row = (name, r) =>
    `  ${name.padEnd(22)} ${r.throughput.toFixed(1).padStart(9)} /s  p50 ${r.p50.toFixed(2).padStart(8)} ms  p95 ${r.p95.toFixed(2).padStart(8)} ms` +
    `  throughput ×${(r.throughput / result.baseline.throughput).toFixed(3)}  p95 ×${(r.p95 / result.baseline.p95).toFixed(1)}${r.failures ? `  FAILURES ${r.failures}` : ''}`;
  return [
    `${result.backend}: ${result.concurrency} concurrent clients (ratios against raw single-row inserts, mean of two runs)`,
    row('raw insert (run 1)', result.raw[0]),
    row('raw insert (run 2)', result.raw[1]),
    row('REST POST /api/referrals', result.rest),
    row('FHIR POST /fhir Bundle', result.fhir),
  ].join('\n');
}

const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])];
const results = [];
for (const backend of backends) results.push(await benchBackend(backend));
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
else console.log(results.map(report).join('\n\n'));
if (results.some((r) => r.rest.failures > 0 || r.fhir.failures > 0)) process.exitCode = 1;
