import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { BenchServer } from './bench-server.ts';
import { Generator } from './generator.ts';
import { hardFileLimit } from './spawn-limited.ts';
import type { CpuUse, IngestCommand, IngestReply, SwarmCommand, SwarmReply } from './messages.ts';
import { now, summarize, type Summary } from './stats.ts';

type Swarm = Generator<SwarmCommand, SwarmReply>;
type Ingest = Generator<IngestCommand, IngestReply>;

/** Boards per load-generator process: a few thousand sockets keep one process responsive. */
export const BOARDS_PER_GENERATOR = 2500;

export interface CpuShare {
  /** Server CPU, % of one core, over the phase. */
  serverPct: number;
  /** All load generators together, % of one core. */
  generatorsPct: number;
}

export class Signer {
  readonly privateKey: KeyObject;
  readonly privateKeyPem: string;
  readonly publicKeyPem: string;
  private readonly agent = new Agent({ keepAlive: true });

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** Sends one signed webhook; resolves with the moment it was sent. */
  async send(url: string, orderNumber: number): Promise<number> {
    return (await this.sendTimed(url, orderNumber)).sentAt;
  }

  /**
   * Sends one signed webhook; resolves with when it was sent and when its 200 arrived (its status
   * line and headers parsed). Plain node:http on a kept-alive connection, headers and body in one
   * write as a plain HTTP client sends a small body; fetch wrote them as two packets and timed the
   * answer only after building its Response (web streams) in this process.
   */
  sendTimed(url: string, orderNumber: number): Promise<{ sentAt: number; answeredAt: number }> {
    const body = JSON.stringify({ orderNumber });
    const signature = sign('sha256', Buffer.from(body), this.privateKey).toString('base64');
    return new Promise((resolve, reject) => {
      const sentAt = now();
      const request = httpRequest(
        `${url}/api/orders/webhook`,
        {
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-signature': signature,
          },
        },
        (response) => {
          const answeredAt = now();
          response.resume();
          response.on('error', reject);
          response.on('end', () => {
            if (response.statusCode === 200) resolve({ sentAt, answeredAt });
            else reject(new Error(`webhook ${orderNumber}: HTTP ${response.statusCode}`));
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}

/** The boards of a run, spread over generator processes. */
export class BoardFleet {
  private readonly swarms: { swarm: Swarm; boards: number }[] = [];

  get size(): number {
    return this.swarms.reduce((sum, s) => sum + s.boards, 0);
  }

  /** Adds `count` boards connected to `urls` (round robin), opening generators as needed. */
  async grow(urls: string[], count: number): Promise<{ connected: number; errors: number }> {
    let left = count;
    const waves: Promise<SwarmReply & { type: 'connected' }>[] = [];
    let urlIndex = 0;
    while (left > 0) {
      let slot = this.swarms.find((s) => s.boards < BOARDS_PER_GENERATOR);
      if (!slot) {
        // Twice its boards: in a reconnect storm a board's old socket may still hold its file
        // while the new one opens (the close handshake waits for a busy server); with room for
        // one socket per board, the generator ran out of files (EMFILE) and counted its own
        // failed connects as the server's storm errors.
        // (Never more than the hard limit allows; one socket per board plus some is the minimum.)
        const files = Math.min(
          2 * BOARDS_PER_GENERATOR + 512,
          Math.max(hardFileLimit() ?? 0, BOARDS_PER_GENERATOR + 512),
        );
        slot = { swarm: Generator.swarm(files), boards: 0 };
        this.swarms.push(slot);
      }
      const take = Math.min(left, BOARDS_PER_GENERATOR - slot.boards);
      slot.boards += take;
      left -= take;
      const url = urls[urlIndex++ % urls.length];
      waves.push(slot.swarm.request({ type: 'connect', url, count: take }, 'connected'));
    }
    const replies = await Promise.all(waves);
    return {
      connected: replies.reduce((sum, r) => sum + r.connected, 0),
      errors: replies.reduce((sum, r) => sum + r.errors, 0),
    };
  }

  record(): void {
    this.swarms.forEach(({ swarm }) => swarm.send({ type: 'record' }));
  }

  async report(): Promise<{ receipts: [number, number][]; connected: number; cpu: CpuUse[] }> {
    const replies = await Promise.all(
      this.swarms.map(({ swarm }) => swarm.request({ type: 'report' }, 'report')),
    );
    return {
      receipts: replies.flatMap((r) => r.receipts),
      connected: replies.reduce((sum, r) => sum + r.connected, 0),
      cpu: replies.map((r) => r.cpu),
    };
  }

  /** Drops and reconnects the boards of the first generators, about `count` of them. */
  async storm(count: number, spreadMs: number, version: number) {
    const chosen: Swarm[] = [];
    let boards = 0;
    for (const slot of this.swarms) {
      if (boards >= count) break;
      chosen.push(slot.swarm);
      boards += slot.boards;
    }
    const replies = await Promise.all(
      chosen.map((swarm) => swarm.request({ type: 'storm', spreadMs, version }, 'storm-done')),
    );
    return {
      boards,
      correct: replies.reduce((sum, r) => sum + r.correct, 0),
      errors: replies.reduce((sum, r) => sum + r.errors, 0),
      lastCorrectAt: Math.max(...replies.map((r) => r.lastCorrectAt)),
    };
  }

  close(): void {
    this.swarms.splice(0).forEach(({ swarm }) => {
      swarm.send({ type: 'close' });
      setTimeout(() => swarm.kill(), 2000).unref();
    });
  }
}

/** Sends `count` orders, one every `intervalMs`, and matches them with the boards' receipts. */
export async function measureDelivery(
  fleet: BoardFleet,
  signer: Signer,
  url: string,
  numbers: number[],
  intervalMs: number,
  server: BenchServer,
): Promise<{
  latencies: Summary;
  perOrderP99: Summary;
  /** From sending the webhook to its 200. */
  answered: Summary;
  /** When each order's 200 arrived. */
  answeredAt: Map<number, number>;
  missing: number;
  cpu: CpuShare;
}> {
  const sentAt = new Map<number, number>();
  const answeredAt = new Map<number, number>();
  fleet.record();
  const serverCpu = server.cpuMs();
  const start = now();
  for (const number of numbers) {
    const timed = await signer.sendTimed(url, number);
    sentAt.set(number, timed.sentAt);
    answeredAt.set(number, timed.answeredAt);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  await new Promise((resolve) => setTimeout(resolve, 1000)); // stragglers
  const { receipts, cpu } = await fleet.report();
  const wallMs = now() - start;
  const byOrder = new Map<number, number[]>();
  for (const [number, at] of receipts) {
    const sent = sentAt.get(number);
    if (sent === undefined) continue;
    const list = byOrder.get(number) ?? [];
    list.push(at - sent);
    byOrder.set(number, list);
  }
  const all = [...byOrder.values()].flat();
  const expected = numbers.length * fleet.size;
  return {
    latencies: summarize(all),
    perOrderP99: summarize([...byOrder.values()].map((list) => summarize(list).p99)),
    answered: summarize(numbers.map((n) => (answeredAt.get(n) ?? 0) - (sentAt.get(n) ?? 0))),
    answeredAt,
    missing: expected - all.length,
    cpu: cpuShare(server.cpuMs() - serverCpu, wallMs, cpu),
  };
}

/** Runs signed webhooks for `durationMs` from `processes` generators; returns what was acked. */
export async function measureIngest(
  url: string,
  signer: Signer,
  options: { durationMs: number; processes: number; concurrency: number; perProcess: number },
  server: BenchServer,
) {
  const ingests: Ingest[] = Array.from({ length: options.processes }, () =>
    Generator.ingest(options.concurrency + 256),
  );
  try {
    await Promise.all(
      ingests.map((ingest, p) =>
        ingest.request(
          {
            type: 'prepare',
            privateKeyPem: signer.privateKeyPem,
            numbers: Array.from(
              { length: options.perProcess },
              (_, i) => p * options.perProcess + i + 1,
            ),
          },
          'prepared',
        ),
      ),
    );
    const serverCpu = server.cpuMs();
    const start = now();
    const replies = await Promise.all(
      ingests.map((ingest) =>
        ingest.request(
          { type: 'run', url, durationMs: options.durationMs, concurrency: options.concurrency },
          'ran',
        ),
      ),
    );
    const wallMs = now() - start;
    const failures: Record<string, number> = {};
    for (const reply of replies) {
      for (const [kind, count] of Object.entries(reply.failures)) {
        failures[kind] = (failures[kind] ?? 0) + count;
      }
    }
    return {
      acknowledged: replies.flatMap((r) => r.acknowledged),
      sent: replies.reduce((sum, r) => sum + r.sent, 0),
      failures,
      wallMs,
      cpu: cpuShare(
        server.cpuMs() - serverCpu,
        wallMs,
        replies.map((r) => r.cpu),
      ),
    };
  } finally {
    ingests.forEach((ingest) => ingest.kill());
  }
}

export function cpuShare(serverCpuMs: number, wallMs: number, generators: CpuUse[]): CpuShare {
  return {
    serverPct: (100 * serverCpuMs) / wallMs,
    generatorsPct: (100 * generators.reduce((sum, g) => sum + g.cpuMs, 0)) / wallMs,
  };
}
