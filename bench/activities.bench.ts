import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { migrate } from '../services/db';
import { openPglite } from '../services/db/pglite';
import { isoDay, localDay } from '../lib/dates';
import { describeRefusal, runLoad, post, type ActivityFactory, type LoadResult } from './load';
import type { ProcessCost } from './process-cost';
import { pinning, ServerUnderTest, type ServerSpec } from './server-under-test';
import { SinkConnector } from './sink-connector';

/**
 * Full-path activity handling through HTTP (restify → CloudAdapter → handler → database → reply to
 * a Bot Connector stand-in) at 1, 16 and 64 concurrent conversations, against the plain botbuilder
 * echo bot (bench/baseline-echo.ts) as the baseline, with the event-loop delay and CPU time of each
 * point. Each server runs in its own process (bench/server-process.ts) and measures itself there;
 * the load generator and the Bot Connector stand-in stay in this one. Also start-up time to /readyz and memory. Embedded database always (on disk in a temporary
 * folder, like production); PostgreSQL when WENDBAAR_BENCH_PG_URL (admin connection string) is set.
 * A submit whose answer is not its scenario's work (a refusal) fails the bench.
 * WENDBAAR_BENCH_CONCURRENCY (e.g. "16"), WENDBAAR_BENCH_ONLY (e.g. "monitoring") and
 * WENDBAAR_BENCH_SKIP_STARTUP=true shorten a run.
 */
const CONCURRENCY = (process.env.WENDBAAR_BENCH_CONCURRENCY ?? '1,16,64').split(',').map(Number);
/** Bench users (consulenten), each in their own personal chat; all exist before measuring. */
const PEOPLE = 64;
const DURATION_MS = Number(process.env.WENDBAAR_BENCH_SECONDS ?? 2) * 1000;
const TEAMLEIDER = 'aad-bench-tl';
/** Event-loop delay goals at every concurrency (issue #19), in ms. */
const DELAY_GOAL = { p99: 20, max: 100 };

/** A day relative to today (the bot runs on the real clock here), as the forms take it. */
const dayFromToday = (days: number) => isoDay(localDay(new Date()).plus({ days }));

function activities(serviceUrl: string) {
  // An MDO four weeks ahead: advice is refused for a meeting in the past.
  const mdoForm = {
    type: 'vios', gemeente: 'Houten', omschrijving: '', date: dayFromToday(28), time: '14:00', organiser: 'Gemeente Houten',
    involved: 'nee', caseRefs: '', legalBasis: 'ja', coreTasks: 'ja', concreteActions: 'ja', concreteReason: '',
    canOnline: 'ja', colleagueGoing: 'nee', writtenEnough: 'nee',
  };
  const monitoringDate = dayFromToday(-7);
  const base = (conversation: number) => ({
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:bench-${conversation}`, name: `Bench ${conversation}`, aadObjectId: `aad-bench-${conversation}` },
    recipient: { id: '28:wendbaar-bot', name: 'Wendbaar' },
    conversation: { id: `a:bench-${conversation}`, conversationType: 'personal', tenantId: 'tenant-bench' },
    channelData: { tenant: { id: 'tenant-bench' } },
    locale: 'nl-NL',
  });
  const invoke = (conversation: number, verb: string, data: Record<string, unknown>) => ({
    ...base(conversation),
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: `card-${conversation}`,
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  const menu: ActivityFactory = (c) => ({ ...base(c), type: 'message', text: 'menu' });
  // Each submit comes from the next of the 64 bench consulenten in turn, so open items spread over
  // an office's worth of people (the reply lists the submitter's open items) instead of piling up
  // on the one person of the c=1 run.
  const monitoringCreate: ActivityFactory = (c, seq) => {
    const who = (c + seq * 16) % PEOPLE;
    return invoke(who, 'monitoring.create', { kind: 'thuiszitter', caseReference: `C-2026-${c}${String(seq).padStart(5, '0')}`, date: monitoringDate, owner: `aad-bench-${who}`, regioteam: 'noord' });
  };
  const mdoAdvise: ActivityFactory = (c) => invoke(c, 'mdo.advise', mdoForm);
  return { menu, monitoringCreate, mdoAdvise };
}

interface Scenario {
  name: string;
  goal?: number;
  make: ActivityFactory;
  /** What only the scenario's own answer contains; anything else (a form shown again with an error) is a refusal. */
  accepted?: (body: string) => boolean;
}

const fmt = (r: LoadResult) => `${r.throughput.toFixed(0).padStart(6)}/s  p50 ${r.p50.toFixed(1).padStart(5)} ms  p99 ${r.p99.toFixed(1).padStart(5)} ms${r.errors ? `  (${r.errors} errors)` : ''}`;
const fmtCost = (c: ProcessCost, r: LoadResult) =>
  `loop delay p99 ${c.delayP99.toFixed(1).padStart(5)} / max ${c.delayMax.toFixed(1).padStart(5)} ms  CPU ${perRequest(c.cpuMs, r)} ms/req${c.loopCpuMs === undefined ? '' : ` (loop thread ${perRequest(c.loopCpuMs, r)})`}`;
const perRequest = (ms: number, r: LoadResult) => (ms / Math.max(1, r.requests)).toFixed(2);

/** Fails before measuring when a scenario's answer is not its own work (we would benchmark a refusal). */
async function probe(url: string, scenario: Scenario): Promise<void> {
  if (!scenario.accepted) return;
  const { status, body } = await post(url, scenario.make(999, 1), true);
  if (status !== 200 || !scenario.accepted(body)) throw new Error(`${scenario.name} is refused: ${describeRefusal(status, body)}`);
}

/** Returns the scenarios whose answers were refused while measuring. */
async function benchDatabase(label: string, database: Pick<ServerSpec, 'dataDir' | 'databaseUrl'>, sink: SinkConnector, baseline: ServerUnderTest): Promise<string[]> {
  const app = await ServerUnderTest.start({ kind: 'wendbaar', ...database, teamleiders: `noord:${TEAMLEIDER}` });
  const verbs = app.verbs;
  const a = activities(sink.url);
  const scenarios: Scenario[] = [{ name: 'menu (personal message)', goal: 0.5, make: a.menu }];
  if (verbs.includes('monitoring.create')) {
    scenarios.push({ name: 'card submit, DB write (monitoring.create)', goal: 0.3, make: a.monitoringCreate, accepted: (body) => body.includes('Monitoring gestart voor casus') });
  }
  if (verbs.includes('mdo.advise')) {
    // Only the advice card (of a stored advice) offers the decision.
    scenarios.push({ name: 'MDO advice (mdo.advise, DB write)', goal: 0.3, make: a.mdoAdvise, accepted: (body) => body.includes('"verb":"mdo.decide"') });
  }
  // WENDBAAR_BENCH_ONLY=monitoring (part of a scenario's name) measures that scenario alone, e.g. to profile it.
  const only = process.env.WENDBAAR_BENCH_ONLY;
  if (only) scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => s.name.includes(only)));
  const refused: string[] = [];
  try {
    // Warm up: every bench user exists, JIT and connection pools are warm.
    for (let c = 0; c < PEOPLE; c++) await post(app.url, a.menu(c, 0));
    console.log(`\n== ${label} ==`);
    for (const scenario of scenarios) {
      await probe(app.url, scenario);
      // Both servers and the load generator run this scenario's path for a second before it is
      // measured: a cold JIT on one side only would skew the first ratio.
      for (const url of [app.url, baseline.url]) await runLoad({ url, concurrency: 16, make: scenario.make, durationMs: 1000, warmupMs: 0 });
      console.log(`\n${scenario.name}`);
      for (const concurrency of CONCURRENCY) {
        const load = { concurrency, make: scenario.make, durationMs: DURATION_MS };
        const { result: wendbaar, cost } = await app.measure(() => runLoad({ ...load, url: app.url, accepted: scenario.accepted }));
        const { result: echo, cost: baselineCost } = await baseline.measure(() => runLoad({ ...load, url: baseline.url }));
        const ratio = wendbaar.throughput / echo.throughput;
        const verdict = scenario.goal === undefined ? '' : ratio >= scenario.goal ? `  ≥ ${scenario.goal} ok` : `  < goal ${scenario.goal}`;
        const delayVerdict = cost.delayP99 <= DELAY_GOAL.p99 && cost.delayMax <= DELAY_GOAL.max ? 'ok' : `over ${DELAY_GOAL.p99}/${DELAY_GOAL.max}`;
        console.log(`  c=${String(concurrency).padStart(2)}  wendbaar ${fmt(wendbaar)}  ${fmtCost(cost, wendbaar)} ${delayVerdict}  |  baseline ${fmt(echo)}  ${fmtCost(baselineCost, echo)}  |  ratio ${ratio.toFixed(2)}${verdict}`);
        if (wendbaar.refused > 0) {
          console.log(`  REFUSED ${wendbaar.refused} of ${wendbaar.requests}: ${wendbaar.refusal}`);
          refused.push(`${label}: ${scenario.name} at c=${concurrency} (${wendbaar.refused} refused)`);
        }
      }
    }
  } finally {
    await app.close();
  }
  return refused;
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const rssMb = (pid: number) => {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
};

/** Spawns `node dist/bot/main.js` on `dataDir` and waits for /readyz; resolves with the child and the time it took. */
async function spawnMain(dataDir: string): Promise<{ child: ChildProcess; url: string; startup: number }> {
  const port = await freePort();
  const main = path.join(__dirname, '..', 'bot', 'main.js');
  const started = performance.now();
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH, PORT: String(port), WENDBAAR_DATA_DIR: dataDir, LOG_LEVEL: 'warn', WENDBAAR_DISABLE_SCHEDULER: 'true' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`main.js exited with ${child.exitCode}`);
      const ready = await fetch(`${url}/readyz`).then((r) => r.status === 200).catch(() => false);
      if (ready) break;
      if (performance.now() - started > 60_000) throw new Error('not ready after 60 s');
      await new Promise((r) => setTimeout(r, 20));
    }
  } catch (error) {
    await stopMain(child);
    throw error;
  }
  return { child, url, startup: performance.now() - started };
}

async function stopMain(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Where a fresh start's time goes, measured in this process: creating the embedded database, migrating it. */
async function startupPhases(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wendbaar-bench-phases-'));
  try {
    let t = performance.now();
    const db = await openPglite(dataDir);
    const create = performance.now() - t;
    t = performance.now();
    await migrate(db);
    const migrating = performance.now() - t;
    await db.close();
    t = performance.now();
    const reopened = await openPglite(dataDir);
    const reopen = performance.now() - t;
    await reopened.close();
    return `creating the PGlite data folder ${create.toFixed(0)} ms, migrations ${migrating.toFixed(0)} ms, reopening it ${reopen.toFixed(0)} ms`;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `node dist/bot/main.js` on a fresh embedded database: time to /readyz, RSS after start and after
 * 10,000 activities; then a restart on the same (now existing) data folder, the usual case.
 */
async function startupAndMemory(sink: SinkConnector): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wendbaar-bench-'));
  try {
    const phases = await startupPhases();
    const fresh = await spawnMain(dataDir);
    const rssStart = rssMb(fresh.child.pid!);
    const a = activities(sink.url);
    const load = await runLoad({ url: fresh.url, concurrency: 16, make: a.menu, maxRequests: 10_000, warmupMs: 0, durationMs: 600_000 }).catch(async (error) => {
      await stopMain(fresh.child);
      throw error;
    });
    const rssAfter = rssMb(fresh.child.pid!);
    await stopMain(fresh.child);
    const again = await spawnMain(dataDir);
    const rssRestart = rssMb(again.child.pid!);
    await stopMain(again.child);
    console.log(`\n== start-up and memory (node dist/bot/main.js, embedded database on disk) ==`);
    console.log(`  fresh data folder: time to /readyz ${fresh.startup.toFixed(0)} ms (${phases})`);
    console.log(`  RSS after start ${rssStart.toFixed(0)} MB; after ${load.requests} menu activities (c=16, ${load.throughput.toFixed(0)}/s, ${load.errors} errors) ${rssAfter.toFixed(0)} MB`);
    console.log(`  restart on the existing data folder: time to /readyz ${again.startup.toFixed(0)} ms, RSS after start ${rssRestart.toFixed(0)} MB`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function withPostgres<T>(adminUrl: string, fn: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `wendbaar_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await fn(url.toString());
  } finally {
    const c = new Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  }
}

export async function run(): Promise<void> {
  const began = performance.now();
  const sink = await new SinkConnector().start();
  const baseline = await ServerUnderTest.start({ kind: 'baseline' });
  console.log(`Activities benchmark: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}, ${DURATION_MS / 1000} s per measurement; ${pinning ? 'load generator on core 0, each server alone on core 1' : 'processes not pinned to cores'}; turns at once: ${process.env.WENDBAAR_CONCURRENT_TURNS ?? 'the default (4)'}`);
  try {
    // On disk, as production runs it (WENDBAAR_DATA_DIR); WENDBAAR_BENCH_MEMORY=true for in-memory.
    const inMemory = process.env.WENDBAAR_BENCH_MEMORY === 'true';
    const dataDir = inMemory ? undefined : mkdtempSync(path.join(os.tmpdir(), 'wendbaar-bench-db-'));
    const refused: string[] = [];
    try {
      refused.push(...await benchDatabase(`embedded database (PGlite, ${inMemory ? 'in memory' : 'on disk'})`, { dataDir }, sink, baseline));
    } finally {
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }
    const pgUrl = process.env.WENDBAAR_BENCH_PG_URL;
    if (pgUrl) refused.push(...await withPostgres(pgUrl, (databaseUrl) => benchDatabase('PostgreSQL', { databaseUrl }, sink, baseline)));
    else console.log('\n(PostgreSQL skipped: set WENDBAAR_BENCH_PG_URL to an admin connection string)');
    if (process.env.WENDBAAR_BENCH_SKIP_STARTUP !== 'true') await startupAndMemory(sink);
    // A refused submit measured a form shown again, not the work its scenario is named after.
    if (refused.length > 0) throw new Error(`answers were refused, so these figures do not measure their scenario:\n  ${refused.join('\n  ')}`);
  } finally {
    await baseline.close();
    await sink.stop();
  }
  console.log(`\nactivities benchmark took ${((performance.now() - began) / 1000).toFixed(0)} s`);
}

if (require.main === module) {
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
