import pg from 'pg';
import { AuroraStandIn } from '../../../tools/aurora-stand-in/aurora-stand-in';
import { freePort } from './support/free-port';
import { LiveBoard } from './support/live-board';
import { NginxProxy, nginxAvailable } from './support/nginx';
import {
  createTestDatabase,
  postgresRequiredOrAvailable,
  type TestDatabase,
} from './support/postgres';
import { redisRequiredOrAvailable, TEST_REDIS_URL, testChannelPrefix } from './support/redis';
import { ServerProcess } from './support/server-process';
import { waitUntil } from './support/wait-until';
import { WebhookSigner } from './support/webhook-signer';

if (!nginxAvailable() && process.env['CI']) {
  throw new Error('nginx (Debian package) is required under CI: apt-get install -y nginx');
}
const ready =
  (await postgresRequiredOrAvailable()) && (await redisRequiredOrAvailable()) && nginxAvailable();
const describeScaleOut = ready ? describe : describe.skip;

const AURORA_KEY = 'scale-out-aurora-key';

/** Two instances on one PostgreSQL and Redis, behind a real nginx; each on a fixed port. */
class Cluster {
  readonly servers: (ServerProcess | undefined)[] = [undefined, undefined];
  nginx!: NginxProxy;
  private constructor(
    readonly ports: number[],
    readonly env: Record<string, string>,
  ) {}

  static async start(env: Record<string, string>): Promise<Cluster> {
    const cluster = new Cluster([await freePort(), await freePort()], env);
    await Promise.all([cluster.startInstance(0), cluster.startInstance(1)]);
    cluster.nginx = await NginxProxy.start(cluster.ports);
    return cluster;
  }

  async startInstance(index: number): Promise<ServerProcess> {
    const server = await ServerProcess.start({ ...this.env, PORT: String(this.ports[index]) });
    this.servers[index] = server;
    return server;
  }

  instance(index: number): ServerProcess {
    const server = this.servers[index];
    if (!server) throw new Error(`Instance ${index} is not running`);
    return server;
  }

  async stopInstance(index: number, signal: NodeJS.Signals): Promise<void> {
    await this.servers[index]?.stop(signal);
    this.servers[index] = undefined;
  }

  async stop(): Promise<void> {
    await Promise.all([0, 1].map((index) => this.stopInstance(index, 'SIGKILL')));
    await this.nginx?.stop();
  }
}

describeScaleOut('several instances behind nginx (PostgreSQL, Redis)', () => {
  const signer = new WebhookSigner();
  const keyFile = signer.writePublicKeyFile();
  let database: TestDatabase;
  let cluster: Cluster | undefined;
  let standIn: AuroraStandIn | undefined;
  const boards: LiveBoard[] = [];

  const baseEnv = () => ({
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_CHANNEL_PREFIX: testChannelPrefix(),
    STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    ADMIN_TOKEN: 'scale-out-admin-token-0123456789',
  });

  const activeNumbers = async (url: string) =>
    ((await (await fetch(`${url}/api/orders`)).json()) as { number: number }[])
      .map((order) => order.number)
      .sort((a, b) => a - b);

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    boards.splice(0).forEach((board) => board.close());
    await cluster?.stop();
    cluster = undefined;
    await standIn?.down();
    standIn = undefined;
    await database.drop();
  });

  it('sends a change made on either instance to boards connected through nginx', async () => {
    cluster = await Cluster.start(baseEnv());
    for (let i = 0; i < 3; i++) boards.push(new LiveBoard(cluster.nginx.url));
    await waitUntil(() => boards.every((board) => board.version !== undefined), 10_000, 'boards');

    // With ip_hash every loopback board sits on one instance; one of these crosses over.
    await signer.sendOrder(cluster.instance(0).url, 501);
    await signer.sendOrder(cluster.instance(1).url, 502);
    await waitUntil(
      () => boards.every((board) => board.numbers.join() === '501,502'),
      5000,
      'both orders on every board',
    );
    expect(boards.every((board) => board.syncs === 0)).toBe(true);
  });

  it('recovers boards within 5 s with the right snapshot when an instance is killed', async () => {
    cluster = await Cluster.start({ ...baseEnv(), ORDER_TIMEOUT_SECONDS: '600' });
    for (let i = 0; i < 5; i++) boards.push(new LiveBoard(cluster.nginx.url));
    await waitUntil(() => boards.every((board) => board.version !== undefined), 10_000, 'boards');

    for (const victim of [0, 1]) {
      const survivor = 1 - victim;
      const disconnectsBefore = boards.map((board) => board.disconnects.length);
      await cluster.stopInstance(victim, 'SIGKILL');
      const killedAt = Date.now();
      // A change while the boards are away: the snapshot after reconnecting must carry it.
      await signer.sendOrder(cluster.instance(survivor).url, 600 + victim);
      const expected = await activeNumbers(cluster.instance(survivor).url);
      await waitUntil(
        () => boards.every((board) => board.connected && board.numbers.join() === expected.join()),
        5000,
        `boards back with ${expected.join()} after instance ${victim} was killed`,
      );
      const dropped = boards.filter((board, i) => board.disconnects.length > disconnectsBefore[i]);
      for (const board of dropped) {
        expect(board.snapshots[board.snapshots.length - 1]).toBeGreaterThan(killedAt);
      }
      await cluster.startInstance(victim);
    }
    // Each kill hit the boards' instance or not; across both kills they were dropped once.
    expect(boards.every((board) => board.disconnects.length >= 1)).toBe(true);
  }, 120_000);

  it('still expires and tells Aurora exactly once after an instance is killed', async () => {
    standIn = await AuroraStandIn.start({ apiKey: AURORA_KEY });
    cluster = await Cluster.start({
      ...baseEnv(),
      // Long enough that no add is still queued when its order ends (it would be dropped, by
      // design): on a starved CI box the ten sends and their calls can take seconds.
      ORDER_TIMEOUT_SECONDS: '10',
      AURORA_URL: standIn.url,
      AURORA_API_KEY: AURORA_KEY,
      AURORA_REASSERT_SECONDS: '3600',
    });
    const numbers = Array.from({ length: 10 }, (_, i) => 700 + i);
    for (const [i, number] of numbers.entries()) {
      await signer.sendOrder(cluster.instance(i % 2).url, number);
    }
    await waitUntil(() => (standIn?.orders().length ?? 0) === 10, 10_000, 'all ten in Aurora');
    await cluster.stopInstance(0, 'SIGKILL'); // half the orders were created there

    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      await waitUntil(
        async () =>
          (await db.query("select 1 from orders where removed_reason = 'expired'")).rowCount === 10,
        30_000,
        'all ten expired by the survivor',
      );
      const { rows } = await db.query<{ number: number; expired: string }>(
        `select number, count(*) as expired from orders
          where removed_reason = 'expired' group by number order by number`,
      );
      expect(rows.map((row) => [row.number, Number(row.expired)])).toEqual(
        numbers.map((number) => [number, 1]),
      );
      await waitUntil(
        async () =>
          (await db.query("select 1 from aurora_outbox where state in ('pending', 'retrying')"))
            .rowCount === 0,
        15_000,
        'the outbox drained by the survivor',
      );
    } finally {
      await db.end();
    }
    const calls = (method: string, number: number) =>
      standIn?.calls.filter(
        (call) =>
          call.method === method &&
          call.status === 200 &&
          (call.orderNumber === number || call.path === `/api/orders/${number}`),
      ).length;
    expect(
      numbers.map((number) => [number, calls('POST', number), calls('DELETE', number)]),
    ).toEqual(numbers.map((number) => [number, 1, 1]));
    expect(standIn.orders()).toEqual([]);
  }, 120_000);

  it('loses nothing and doubles nothing through a rolling restart under a webhook stream', async () => {
    standIn = await AuroraStandIn.start({ apiKey: AURORA_KEY });
    cluster = await Cluster.start({
      ...baseEnv(),
      ORDER_TIMEOUT_SECONDS: '5',
      AURORA_URL: standIn.url,
      AURORA_API_KEY: AURORA_KEY,
      AURORA_REASSERT_SECONDS: '3600',
    });
    const board = new LiveBoard(cluster.nginx.url);
    boards.push(board);
    await waitUntil(() => board.version !== undefined, 10_000, 'the board');

    const acknowledged: number[] = [];
    const refused: string[] = [];
    let streaming = true;
    let next = 1;
    // Two senders, each a webhook every 50 ms or so, through nginx until the restart is over.
    const stream = async () => {
      const send = async () => {
        while (streaming) {
          const number = next++;
          try {
            const response = await signer.send(
              cluster?.nginx.url ?? '',
              JSON.stringify({ orderNumber: number }),
            );
            if (response.status === 200) acknowledged.push(number);
            else refused.push(`${number}: HTTP ${response.status}`);
          } catch (error) {
            refused.push(`${number}: ${(error as Error).message}`);
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      await Promise.all([send(), send()]);
    };

    // Stream traffic before, between and after the restarts: 110 more acknowledged webhooks
    // each time (the fixed 15 s pauses this replaces saw far more).
    const moreAcknowledged = (what: string) => {
      const target = acknowledged.length + 110;
      return waitUntil(() => acknowledged.length >= target, 60_000, `110 webhooks ${what}`);
    };
    const rollingRestart = async () => {
      try {
        for (const index of [0, 1]) {
          await moreAcknowledged(`before restarting instance ${index}`);
          await cluster?.stopInstance(index, 'SIGTERM');
          await cluster?.startInstance(index);
        }
        await moreAcknowledged('after the rolling restart');
      } finally {
        streaming = false;
      }
    };
    await Promise.all([stream(), rollingRestart()]);

    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(300);

    // Every acknowledged order was stored once and expired once.
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      await waitUntil(
        async () =>
          (await db.query('select 1 from orders where removed_at is null')).rowCount === 0,
        20_000,
        'every order expired',
      );
      const { rows } = await db.query<{ number: number; rows: string; expired: string }>(
        `select number, count(*) as rows,
                count(*) filter (where removed_reason = 'expired') as expired
           from orders group by number`,
      );
      const byNumber = new Map(rows.map((row) => [row.number, row]));
      const problems = acknowledged.filter((number) => {
        const row = byNumber.get(number);
        return !row || Number(row.rows) !== 1 || Number(row.expired) !== 1;
      });
      expect(problems).toEqual([]);
    } finally {
      await db.end();
    }

    // The board saw every order, and ends empty like the store.
    expect(acknowledged.filter((number) => !board.everShown.has(number))).toEqual([]);
    await waitUntil(() => board.numbers.length === 0, 10_000, 'the board to empty');

    // Aurora heard each add exactly once.
    const posts = new Map<number, number>();
    for (const call of standIn.calls) {
      if (call.method === 'POST' && call.status === 200 && call.orderNumber !== null) {
        posts.set(call.orderNumber, (posts.get(call.orderNumber) ?? 0) + 1);
      }
    }
    expect(acknowledged.filter((number) => posts.get(number) !== 1)).toEqual([]);
  }, 150_000);
});
