// npm run bench [-- --smoke] [-- --scale] [-- --boards 10000] [-- --out file.json] [-- --dist dir]
//               [-- --versus floor|self [--rounds 3]]
// Measures the built product (dist/) from separate load-generator processes and prints one table
// of figures beside their targets; also writes the figures as JSON for comparing runs.
//   --smoke  a few seconds with small numbers; checks correctness only (used by npm test)
//   --scale  two instances on PostgreSQL + Redis (loopback) instead of one on the embedded store
//   --dist   measure another build (e.g. an older commit's dist/) with this benchmark
//   --only   boards (P1, P2, P4), ingest (P3), insights (P6, on both stores) or push (P7)
//   --versus floor  also runs every phase against the floor (floor-server.ts: the plainest server
//            doing the same job), alternating product and floor, and prints each figure with its
//            ratio. The product then syncs to an Aurora stand-in in a process of its own
//            (aurora-receiver.ts), and the Aurora latency (our 200 → the stand-in holding the
//            call) is measured too. --rounds (3 by default, 1 with --smoke) rounds, alternating
//            who goes first; medians are printed.
//   --versus self  the same, with the floor in the product's place: how far apart two runs of
//            one server come out on this machine, i.e. what a ratio can resolve
//   --pin    servers on core 0, this process and the generators on the others (core-pinning.ts):
//            the webhook's answer is then timed without waiting for a core the server holds
//   --awake  a SCHED_IDLE busy loop on every core (core-keepers.ts): on a virtual machine no vCPU
//            is ever halted, so the figures do not include the hypervisor waking one
//   --wire-boards  boards that read Socket.IO's wire protocol themselves (wire-board.ts) instead
//            of running socket.io-client, whose own work per message makes one generator process
//            slower than the server it measures; figures are not comparable with default runs
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BenchServer } from './bench-server.ts';
import { initialJs } from './board-payload.ts';
import { busyCafe, measureInsights, seedOrders } from './insights.ts';
import { CorePinning } from './core-pinning.ts';
import { CoreKeepers } from './core-keepers.ts';
import { Generator } from './generator.ts';
import type { AuroraCommand, AuroraReply } from './messages.ts';
import { BoardFleet, measureDelivery, measureIngest, Signer } from './phases.ts';
import { measurePush } from './push-phase.ts';
import { type Figure, medianFigures, printTable, printVersus } from './report.ts';
import { hardFileLimit } from './spawn-limited.ts';
import { now, summarize } from './stats.ts';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    boards: { type: 'string' },
    out: { type: 'string' },
    dist: { type: 'string' },
    only: { type: 'string' },
    versus: { type: 'string' },
    rounds: { type: 'string' },
    pin: { type: 'boolean', default: false },
    awake: { type: 'boolean', default: false },
    'wire-boards': { type: 'boolean', default: false },
  },
});
// Read by the board generators (swarm.ts), which inherit this environment.
if (values['wire-boards']) process.env['BENCH_BOARDS'] = 'wire';
if (values.versus !== undefined && values.versus !== 'floor' && values.versus !== 'self') {
  process.stderr.write('--versus takes floor or self\n');
  process.exit(2);
}
const VERSUS = values.versus !== undefined;
/** The floor measured against itself: the product's place is taken by another floor server. */
const SELF = values.versus === 'self';
if (SELF && values.scale) {
  process.stderr.write('--versus self measures one floor server: it does not take --scale\n');
  process.exit(2);
}
/** Versus runs: rounds of product and floor, alternating who goes first; medians reported. */
const ROUNDS = Number(values.rounds ?? (values.smoke ? 1 : 3));
if (!Number.isInteger(ROUNDS) || ROUNDS < 1) {
  process.stderr.write('--rounds takes a whole number of at least 1\n');
  process.exit(2);
}
const PINNING = values.pin ? orExit(() => CorePinning.start()) : undefined;
const KEEPERS = values.awake ? orExit(() => CoreKeepers.start()) : undefined;

/** Sets up what an option asks for, or stops the bench with the reason it cannot (exit code 2). */
function orExit<T>(start: () => T): T {
  try {
    return start();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}
/** LimitNOFILE in deploy/hubble@.service. */
const DEPLOYED_FILE_LIMIT = 65_536;
const FLOOR_SCRIPT = join(import.meta.dirname, 'floor-server.ts');
const AURORA_KEY = 'bench-aurora-key';
/** The Aurora stand-in the product syncs to (versus runs only), in a process of its own. */
let aurora: { process: Generator<AuroraCommand, AuroraReply>; url: string } | undefined;
const ONLY = values.only; // 'boards' (P1, P2, P4), 'ingest' (P3), 'insights' (P6), 'push' (P7)
const DIST = resolve(values.dist ?? join(import.meta.dirname, '../../dist'));

const smoke = values.smoke;
const sizes = smoke
  ? {
      p1Boards: 20,
      p1Orders: 10,
      ramp: [40],
      fanOutOrders: 3,
      ingestMs: 2000,
      stormBoards: 40,
      insightsOrders: 300,
      insightsRounds: 3,
      pushFollowers: 20,
    }
  : {
      p1Boards: 1000,
      p1Orders: 200,
      ramp: [1000, 2500, 5000, Number(values.boards ?? 10_000)],
      fanOutOrders: 20,
      ingestMs: 30_000,
      stormBoards: 5000,
      insightsOrders: 30_000,
      insightsRounds: 20,
      pushFollowers: 1000,
    };
const ROOT = resolve(import.meta.dirname, '../..');
const PG_ADMIN = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const signer = new Signer();
const FIGURES: Figure[] = [];
const problems: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

type Kind = 'product' | 'floor';

/** A fresh store (embedded, or a PostgreSQL database) and the servers on it. */
async function startProduct(
  kind: Kind = 'product',
  store: { postgres: boolean } = { postgres: !!values.scale && kind === 'product' },
) {
  /** With --versus self, a floor server takes the product's place too. */
  const floor = kind === 'floor' || SELF;
  const dataDir = mkdtempSync(join(tmpdir(), 'hubble-bench-'));
  const keyFile = join(dataDir, 'webhooks.key');
  writeFileSync(keyFile, signer.publicKeyPem);
  const maxBoards = Math.max(...sizes.ramp, sizes.p1Boards);
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    VAPID_SUBJECT: 'mailto:bench@example.org',
    DATA_DIR: dataDir,
    STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    ORDER_TIMEOUT_SECONDS: '3600',
  };
  if (aurora && !floor) {
    Object.assign(env, { AURORA_URL: aurora.url, AURORA_API_KEY: AURORA_KEY });
  }
  let database: string | undefined;
  if (store.postgres) {
    database = `hubble_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(`create database ${database}`);
    const url = new URL(PG_ADMIN);
    url.pathname = `/${database}`;
    env['DATABASE_URL'] = url.toString();
  }
  if (values.scale) {
    Object.assign(env, {
      REDIS_URL,
      REDIS_CHANNEL_PREFIX: `hubble-bench-${randomBytes(4).toString('hex')}`,
    });
  }
  const count = values.scale && kind === 'product' ? 2 : 1;
  const servers: BenchServer[] = [];
  for (let i = 0; i < count; i++) {
    const script = floor ? FLOOR_SCRIPT : undefined;
    const server = await BenchServer.start(env, serverFileLimit(maxBoards), DIST, script);
    PINNING?.pinServer(server.pid);
    servers.push(server);
  }
  return {
    servers,
    env,
    async verifyStored(numbers: number[]): Promise<number> {
      const stored = new Set<number>();
      if (env['DATABASE_URL']) {
        const client = new pg.Client({ connectionString: env['DATABASE_URL'] });
        await client.connect();
        const { rows } = await client.query<{ number: number }>(
          'select distinct number from orders',
        );
        rows.forEach((row) => stored.add(row.number));
        await client.end();
      } else {
        const file = floor ? 'floor.sqlite' : 'hubble.sqlite';
        const db = new DatabaseSync(join(dataDir, file), { readOnly: true });
        for (const row of db.prepare('select distinct number from orders').all()) {
          stored.add(Number(row['number']));
        }
        db.close();
      }
      return numbers.filter((number) => !stored.has(number)).length;
    },
    async stop() {
      await Promise.all(servers.map((server) => server.stop()));
      // Not a failure by itself (Aurora retries log warnings), but it explains odd figures.
      for (const server of servers) {
        if (server.warnings.length === 0) continue;
        process.stderr.write(
          `${kind} server ${server.pid} warned:\n  ${server.warnings.join('\n  ')}\n`,
        );
      }
      rmSync(dataDir, { recursive: true, force: true });
      if (database) await adminQuery(`drop database if exists ${database} with (force)`);
    },
  };
}

/**
 * The open-file limit a server runs with: what deploy/hubble@.service gives it (LimitNOFILE=65536)
 * where this machine's hard limit allows, and never less than the boards need. The product keeps a
 * tenth of it in reserve (MAX_CONNECTIONS); a limit barely above the boards would make it close
 * idle connections to make room while a reconnect storm briefly holds old and new ones at once.
 */
function serverFileLimit(maxBoards: number): number {
  const wanted = Math.min(DEPLOYED_FILE_LIMIT, hardFileLimit() ?? DEPLOYED_FILE_LIMIT);
  return Math.max(wanted, maxBoards + 2048);
}

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function check(ok: boolean, problem: string): void {
  if (!ok) problems.push(problem);
}

/** Our 200 → the Aurora stand-in holding the order, for the orders of one phase. */
async function auroraFigures(id: string, answeredAt: Map<number, number>): Promise<Figure[]> {
  if (!aurora || SELF) return [];
  const { received } = await aurora.process.request({ type: 'report' }, 'report');
  const auroraReceivedAt = new Map(received);
  const delays = [...answeredAt].flatMap(([number, answered]) => {
    const received = auroraReceivedAt.get(number);
    return received === undefined ? [] : [received - answered];
  });
  const summary = summarize(delays);
  return [
    { id, name: 'Aurora: our 200 → stand-in, p50', value: summary.p50, unit: 'ms' },
    {
      id,
      name: 'Aurora: our 200 → stand-in, p99',
      value: summary.p99,
      unit: 'ms',
      target: 20,
      lowerIsBetter: true,
      note: `${summary.count}/${answeredAt.size} calls`,
    },
  ];
}

async function boardPhases(kind: Kind = 'product', figures: Figure[] = FIGURES): Promise<void> {
  const product = await startProduct(kind);
  cleanups.push(() => product.stop());
  const urls = product.servers.map((server) => server.url);
  const fleet = new BoardFleet();
  cleanups.push(() => fleet.close());

  // P1 latency across p1Boards boards.
  const p1Connect = await fleet.grow(urls, sizes.p1Boards);
  check(p1Connect.errors === 0, `P1: ${p1Connect.errors} boards failed to connect`);
  const p1 = await measureDelivery(
    fleet,
    signer,
    urls[0],
    Array.from({ length: sizes.p1Orders }, (_, i) => i + 1),
    smoke ? 20 : 100,
    product.servers[0],
  );
  check(p1.missing === 0, `P1: ${p1.missing} order events never reached a board`);
  figures.push(
    { id: 'P1', name: `latency p50, ${fleet.size} boards`, value: p1.latencies.p50, unit: 'ms' },
    { id: 'P1', name: 'webhook answered p50', value: p1.answered.p50, unit: 'ms' },
    { id: 'P1', name: 'webhook answered p99', value: p1.answered.p99, unit: 'ms' },
    ...(kind === 'product' ? await auroraFigures('P1', p1.answeredAt) : []),
    { id: 'P1', name: 'latency p95', value: p1.latencies.p95, unit: 'ms' },
    {
      id: 'P1',
      name: 'latency p99',
      value: p1.latencies.p99,
      unit: 'ms',
      target: 50,
      lowerIsBetter: true,
    },
    {
      id: 'P1',
      name: 'events missed',
      value: p1.missing,
      unit: '',
      target: 0,
      lowerIsBetter: true,
    },
    {
      id: 'P1',
      name: 'CPU server / generators',
      value: p1.cpu.serverPct,
      unit: '%',
      note: `${p1.cpu.generatorsPct.toFixed(0)} %`,
    },
  );

  // P2 capacity: ramp, then the fan-out of single orders to every board.
  const baseRss = product.servers.reduce((sum, server) => sum + server.rssBytes(), 0);
  for (const target of sizes.ramp) {
    if (target <= fleet.size) continue;
    const grown = await fleet.grow(urls, target - fleet.size);
    check(
      grown.errors === 0,
      `P2: ${grown.errors} boards failed to connect while ramping to ${target}`,
    );
    const rss = product.servers.reduce((sum, server) => sum + server.rssBytes(), 0);
    process.stderr.write(
      `  ${fleet.size} boards connected, server RSS ${(rss / 2 ** 20).toFixed(0)} MiB\n`,
    );
  }
  const held = (await fleet.report()).connected;
  const rss = product.servers.reduce((sum, server) => sum + server.rssBytes(), 0);
  const p2 = await measureDelivery(
    fleet,
    signer,
    urls[0],
    Array.from({ length: sizes.fanOutOrders }, (_, i) => 50_001 + i),
    smoke ? 50 : 1000,
    product.servers[0],
  );
  check(p2.missing === 0, `P2: ${p2.missing} order events never reached a board`);
  figures.push(
    {
      id: 'P2',
      name: 'boards held',
      value: held,
      unit: '',
      target: Math.max(...sizes.ramp),
      lowerIsBetter: false,
    },
    {
      id: 'P2',
      name: 'server RSS',
      value: rss / 2 ** 20,
      unit: 'MiB',
      target: 1024,
      lowerIsBetter: true,
    },
    {
      id: 'P2',
      name: 'server RSS per board',
      value: (rss - baseRss) / 1024 / Math.max(1, held - sizes.p1Boards),
      unit: 'KB',
      note: `beyond the first ${sizes.p1Boards}`,
    },
    { id: 'P2', name: `webhook answered p50, ${held} boards`, value: p2.answered.p50, unit: 'ms' },
    ...(kind === 'product' ? await auroraFigures('P2', p2.answeredAt) : []),
    {
      id: 'P2',
      name: 'fan-out p99 (median over orders)',
      value: p2.perOrderP99.p50,
      unit: 'ms',
      target: 250,
      lowerIsBetter: true,
    },
    { id: 'P2', name: 'fan-out p99 (worst order)', value: p2.perOrderP99.max, unit: 'ms' },
    {
      id: 'P2',
      name: 'events missed',
      value: p2.missing,
      unit: '',
      target: 0,
      lowerIsBetter: true,
    },
    {
      id: 'P2',
      name: 'CPU server / generators',
      value: p2.cpu.serverPct,
      unit: '%',
      note: `${p2.cpu.generatorsPct.toFixed(0)} %`,
    },
  );

  // P4 reconnect storm: drop ~stormBoards boards, all back within 5 s.
  const version = await currentVersion(urls[0]);
  const stormStart = now();
  const storm = await fleet.storm(sizes.stormBoards, smoke ? 500 : 5000, version);
  const allBackMs = storm.lastCorrectAt - stormStart;
  check(
    storm.correct === storm.boards,
    `P4: ${storm.boards - storm.correct} boards without a correct snapshot`,
  );
  figures.push(
    {
      id: 'P4',
      name: `storm: ${storm.boards} boards, all correct after`,
      value: allBackMs / 1000,
      unit: 's',
      target: 10,
      lowerIsBetter: true,
    },
    {
      id: 'P4',
      name: 'boards with a correct snapshot',
      value: storm.correct,
      unit: '',
      target: storm.boards,
      lowerIsBetter: false,
    },
    { id: 'P4', name: 'errors', value: storm.errors, unit: '', target: 0, lowerIsBetter: true },
  );

  fleet.close();
  await product.stop();
  cleanups.length = 0;
}

async function currentVersion(url: string): Promise<number> {
  // The board feed's version is in every snapshot; ask through a throwaway board.
  const { io } = await import('socket.io-client');
  return new Promise((resolvePromise, reject) => {
    const socket = io(`${url}/board`, { transports: ['websocket'], reconnection: false });
    socket.once('snapshot', (snapshot: { version: number }) => {
      socket.close();
      resolvePromise(snapshot.version);
    });
    socket.once('connect_error', reject);
  });
}

async function ingestPhase(kind: Kind = 'product', figures: Figure[] = FIGURES): Promise<void> {
  const product = await startProduct(kind);
  cleanups.push(() => product.stop());
  const result = await measureIngest(
    product.servers[0].url,
    signer,
    {
      durationMs: sizes.ingestMs,
      processes: 2,
      concurrency: smoke ? 2 : 16,
      perProcess: smoke ? 500 : 45_000,
    },
    product.servers[0],
  );
  const lost = await product.verifyStored(result.acknowledged);
  const failed = Object.values(result.failures).reduce((sum, n) => sum + n, 0);
  check(lost === 0, `P3: ${lost} acknowledged webhooks are not in the store`);
  check(result.acknowledged.length > 0, 'P3: no webhook was acknowledged');
  figures.push(
    {
      id: 'P3',
      name: 'webhooks/s sustained',
      value: (1000 * result.acknowledged.length) / result.wallMs,
      unit: '/s',
      target: 1000,
      lowerIsBetter: false,
    },
    {
      id: 'P3',
      name: 'acknowledged, then lost',
      value: lost,
      unit: '',
      target: 0,
      lowerIsBetter: true,
    },
    {
      id: 'P3',
      name: 'refused or failed',
      value: failed,
      unit: '',
      note: JSON.stringify(result.failures),
    },
    {
      id: 'P3',
      name: 'CPU server / generators',
      value: result.cpu.serverPct,
      unit: '%',
      note: `${result.cpu.generatorsPct.toFixed(0)} %`,
    },
  );
  await product.stop();
  cleanups.length = 0;
}

/** P6: insights of the last 30 days over 30,000 stored orders, on each store. */
async function insightsPhase(): Promise<void> {
  for (const postgres of [false, true]) {
    const storeName = postgres ? 'PostgreSQL' : 'node:sqlite';
    const product = await startProduct('product', { postgres });
    cleanups.push(() => product.stop());
    const until = Date.now() - 600_000;
    // 30 days minus a day of margin, so every order lies inside the café's last 30 days.
    const orders = busyCafe(sizes.insightsOrders, until, 29);
    await seedOrders(
      product.env['DATABASE_URL']
        ? { databaseUrl: product.env['DATABASE_URL'] }
        : { sqliteFile: join(product.env['DATA_DIR'], 'hubble.sqlite') },
      orders,
    );
    const timing = await measureInsights(
      product.servers[0].url,
      product.env['ADMIN_TOKEN'],
      sizes.insightsRounds,
    );
    check(
      timing.called === orders.length,
      `P6 (${storeName}): insights counted ${timing.called} of ${orders.length} orders`,
    );
    FIGURES.push(
      {
        id: 'P6',
        name: `insights, 30 days, ${orders.length} orders, ${storeName}: p50`,
        value: timing.query.p50,
        unit: 'ms',
      },
      {
        id: 'P6',
        name: `insights ${storeName}: worst of ${timing.query.count}`,
        value: timing.query.max,
        unit: 'ms',
        target: 500,
        lowerIsBetter: true,
      },
      { id: 'P6', name: `day CSV ${storeName}: p50`, value: timing.csv.p50, unit: 'ms' },
    );
    await product.stop();
    cleanups.length = 0;
  }
}

/** P7: one order with many followers, each push signed, encrypted and checked by a stand-in. */
async function pushPhase(): Promise<void> {
  const push = await measurePush(sizes.pushFollowers, DIST);
  check(
    push.deliveredOnce === push.followers,
    `P7: ${push.deliveredOnce} of ${push.followers} followers got exactly one push`,
  );
  FIGURES.push(
    {
      id: 'P7',
      name: `push to ${push.followers} followers of one order: last request out`,
      value: push.lastPushMs,
      unit: 'ms',
    },
    {
      id: 'P7',
      name: 'push: server CPU per push',
      value: push.serverCpuMs / push.followers,
      unit: 'ms',
    },
    { id: 'P7', name: 'push: delivered exactly once', value: push.deliveredOnce, unit: '' },
  );
}

function payloadPhase(): void {
  const js = initialJs(join(DIST, 'apps/board/browser'));
  FIGURES.push({
    id: 'P5',
    name: `board initial JS (${js.files.length} files)`,
    value: js.gzipBytes / 1000,
    unit: 'KB gzip',
    target: 100,
    lowerIsBetter: true,
  });
}

/**
 * Each phase against the product and against the floor, in ROUNDS rounds that alternate which
 * goes first (so neither always runs on the warmer or the quieter machine); every figure is the
 * median over the rounds.
 */
async function versusFloor(): Promise<{ product: Figure[]; floor: Figure[] }> {
  const standIn = Generator.aurora(AURORA_KEY);
  cleanups.push(() => standIn.kill());
  aurora = { process: standIn, url: (await standIn.next('ready')).url };
  const rounds: Record<Kind, Figure[][]> = { product: [], floor: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const order: Kind[] = round % 2 === 0 ? ['product', 'floor'] : ['floor', 'product'];
    const figures: Record<Kind, Figure[]> = { product: [], floor: [] };
    for (const kind of order) {
      process.stderr.write(`Round ${round + 1} of ${ROUNDS}: ${kind}\n`);
      if (ONLY !== 'ingest') {
        await standIn.request({ type: 'clear' }, 'cleared');
        await boardPhases(kind, figures[kind]);
      }
      if (ONLY !== 'boards') await ingestPhase(kind, figures[kind]);
    }
    rounds.product.push(figures.product);
    rounds.floor.push(figures.floor);
  }
  return { product: medianFigures(rounds.product), floor: medianFigures(rounds.floor) };
}

/** The machine line of a report: cores, Node, and any remark (pinning included). */
function machine(...remarks: string[]): string {
  const notes = [
    ...remarks,
    ...(values['wire-boards'] ? ['boards: wire protocol, no socket.io-client'] : []),
    ...(PINNING ? [PINNING.describe()] : []),
    ...(KEEPERS ? [KEEPERS.describe()] : []),
  ];
  const base = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  return notes.length > 0 ? `${base} (${notes.join('; ')})` : base;
}

async function main(): Promise<void> {
  const started = new Date();
  payloadPhase();
  if (VERSUS) {
    const { product, floor } = await versusFloor();
    FIGURES.push(...product);
    printVersus(product, floor, {
      title: `${SELF ? 'The floor server versus itself' : 'Hubble versus the floor server'}${smoke ? ' (smoke)' : ''} — ${values.scale ? '2 instances, PostgreSQL + Redis' : '1 instance, embedded store'}; ${ROUNDS === 1 ? 'one round' : `medians of ${ROUNDS} alternating rounds`}`,
      machine: machine('shared machine: other builds may run'),
      measured: SELF ? 'floor, 2nd server' : undefined,
    });
    FIGURES.push(...floor.map((figure) => ({ ...figure, id: `floor ${figure.id}` })));
  } else {
    if (ONLY === undefined || ONLY === 'boards') await boardPhases();
    if (ONLY === undefined || ONLY === 'ingest') await ingestPhase();
    if (ONLY === undefined || ONLY === 'insights') await insightsPhase();
    if (ONLY === undefined || ONLY === 'push') await pushPhase();
  }
  // With --versus self the figures are the floor's: not the product's to hold to its targets.
  printTable(
    FIGURES.filter((figure) => !figure.id.startsWith('floor') && !(SELF && figure.id !== 'P5')),
    {
      title: `Hubble benchmark${smoke ? ' (smoke)' : ''}${values.scale ? ' — 2 instances, PostgreSQL + Redis' : ' — 1 instance, embedded store'}`,
      machine: machine(),
      timing: !smoke,
    },
  );
  const out =
    values.out ?? join(ROOT, 'dist/bench', `${started.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      { started, smoke, scale: values.scale, versus: values.versus, figures: FIGURES, problems },
      null,
      2,
    ),
  );
  process.stderr.write(`Figures written to ${out}\n`);
  if (problems.length > 0) {
    process.stderr.write(`Correctness problems:\n- ${problems.join('\n- ')}\n`);
    process.exitCode = 1;
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`Benchmark failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await KEEPERS?.stop();
  process.exit();
}
