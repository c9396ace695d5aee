// One order with many followers: how long from the webhook until the last push request has
// left the server (reached the push service stand-in), and the server's CPU time for the lot.
// The stand-in checks every VAPID signature and decrypts every payload, as a push service would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PushServiceStandIn } from '../push-service-stand-in/push-service-stand-in.ts';
import { BenchServer } from './bench-server.ts';
import { Signer } from './phases.ts';

const ORDER = 4242;
const SUBSCRIBE_BATCH = 50;

export interface PushFigures {
  followers: number;
  /** Webhook sent → the last push request arrived at the push service. */
  lastPushMs: number;
  serverCpuMs: number;
  /** Pushes the stand-in accepted exactly once (VAPID checked, payload decrypted). */
  deliveredOnce: number;
}

export async function measurePush(followers: number, dist: string): Promise<PushFigures> {
  const signer = new Signer();
  const standIn = await PushServiceStandIn.start();
  const dataDir = mkdtempSync(join(tmpdir(), 'hubble-bench-push-'));
  const keyFile = join(dataDir, 'webhooks.key');
  writeFileSync(keyFile, signer.publicKeyPem);
  let server: BenchServer | undefined;
  try {
    server = await BenchServer.start(
      {
        NODE_ENV: 'production',
        ADMIN_TOKEN: 'bench-admin-token-0123456789',
        VAPID_SUBJECT: 'mailto:bench@example.org',
        DATA_DIR: dataDir,
        STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
        PUSH_SERVICE_HOSTS: standIn.hostEntry,
        PUSH_MAX_FOLLOWERS_PER_NUMBER: String(followers),
        PUSH_REQUESTS_PER_MINUTE: String(followers * 2),
      },
      4096,
      dist,
    );
    const ids = await subscribe(server.url, standIn, followers);
    const cpuBefore = server.cpuMs();
    const sentAt = await signer.send(server.url, ORDER);
    await standIn.waitFor(() => standIn.received.length >= followers, 120_000, 'every push');
    const lastAt = Math.max(...standIn.received.map((push) => push.at));
    return {
      followers,
      lastPushMs: lastAt - sentAt,
      serverCpuMs: server.cpuMs() - cpuBefore,
      deliveredOnce: ids.filter((id) => standIn.delivered(id).length === 1).length,
    };
  } finally {
    await server?.stop();
    await standIn.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** `followers` subscriptions for the order, as the board would send them. */
async function subscribe(
  url: string,
  standIn: PushServiceStandIn,
  followers: number,
): Promise<string[]> {
  const { publicKey } = (await (await fetch(`${url}/api/push/public-key`)).json()) as {
    publicKey: string;
  };
  const ids: string[] = [];
  for (let start = 0; start < followers; start += SUBSCRIBE_BATCH) {
    await Promise.all(
      Array.from({ length: Math.min(SUBSCRIBE_BATCH, followers - start) }, async () => {
        const { id, ...subscription } = standIn.subscribe(publicKey);
        ids.push(id);
        const response = await fetch(`${url}/api/push/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ orderNumber: ORDER, lang: 'en', subscription }),
        });
        if (response.status !== 201) throw new Error(`subscribe: HTTP ${response.status}`);
      }),
    );
  }
  return ids;
}
