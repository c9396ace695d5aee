// Load generator: signed Star Community webhooks over HTTP keep-alive, as fast as the server
// takes them with `concurrency` requests in flight. Bodies are signed before the run, so the
// generator's own CPU goes to sending, not to RSA.
import { createPrivateKey, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { CpuUse, IngestCommand, IngestReply } from './messages.ts';
import { now } from './stats.ts';

let prepared: { number: number; body: string; signature: string }[] = [];
const send = (reply: IngestReply) => process.send?.(reply);

function post(agent: Agent, url: URL, body: string, signature: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-signature': signature,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function run(target: string, durationMs: number, concurrency: number): Promise<void> {
  const url = new URL('/api/orders/webhook', target);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const acknowledged: number[] = [];
  const failures: Record<string, number> = {};
  const usage = process.cpuUsage();
  const start = now();
  const end = start + durationMs;
  let next = 0;
  let sent = 0;
  const worker = async () => {
    while (now() < end && next < prepared.length) {
      const item = prepared[next++];
      sent += 1;
      try {
        const status = await post(agent, url, item.body, item.signature);
        if (status >= 200 && status < 300) acknowledged.push(item.number);
        else failures[`HTTP ${status}`] = (failures[`HTTP ${status}`] ?? 0) + 1;
      } catch (error) {
        const code = (error as { code?: string }).code ?? 'error';
        failures[code] = (failures[code] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(usage);
  const cpu: CpuUse = { cpuMs: (used.user + used.system) / 1000, wallMs: now() - start };
  agent.destroy();
  send({ type: 'ran', acknowledged, failures, sent, cpu });
}

process.on('message', (command: IngestCommand) => {
  const handle = async () => {
    if (command.type === 'prepare') {
      const key = createPrivateKey(command.privateKeyPem);
      prepared = command.numbers.map((number) => {
        const body = JSON.stringify({ orderNumber: number });
        const signature = sign('sha256', Buffer.from(body), key).toString('base64');
        return { number, body, signature };
      });
      send({ type: 'prepared' });
      return;
    }
    // The orchestrator ends this process once it has the report (exiting here could lose it).
    await run(command.url, command.durationMs, command.concurrency);
  };
  handle().catch((error: unknown) => send({ type: 'error', message: String(error) }));
});
