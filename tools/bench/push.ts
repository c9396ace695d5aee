// npm run bench:push [-- --followers 1000] [-- --dist dir]
// One order with many followers: how long from the webhook until the last push request has
// left the server (reached the push service stand-in), and the server's CPU time for the lot.
// The stand-in checks every VAPID signature and decrypts every payload, as a push service would.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PushServiceStandIn } from '../push-service-stand-in/push-service-stand-in.ts';
import { BenchServer, DEFAULT_DIST } from './bench-server.ts';
import { Signer } from './phases.ts';

const { values } = parseArgs({
  options: { followers: { type: 'string' }, dist: { type: 'string' } },
});
const FOLLOWERS = Number(values.followers ?? 1000);
const ORDER = 4242;

const signer = new Signer();
const standIn = await PushServiceStandIn.start();
const dataDir = mkdtempSync(join(tmpdir(), 'hubble-bench-push-'));
const keyFile = join(dataDir, 'webhooks.key');
writeFileSync(keyFile, signer.publicKeyPem);
const server = await BenchServer.start(
  {
    NODE_ENV: 'production',
    ADMIN_TOKEN: 'bench-admin-token-0123456789',
    VAPID_SUBJECT: 'mailto:bench@example.org',
    DATA_DIR: dataDir,
    STAR_COMMUNITY_PUBLIC_KEY_FILE: keyFile,
    PUSH_SERVICE_HOSTS: standIn.hostEntry,
    PUSH_MAX_FOLLOWERS_PER_NUMBER: String(FOLLOWERS),
    PUSH_REQUESTS_PER_MINUTE: String(FOLLOWERS * 2),
  },
  4096,
  values.dist ? resolve(values.dist) : DEFAULT_DIST,
);

try {
  const { publicKey } = (await (await fetch(`${server.url}/api/push/public-key`)).json()) as {
    publicKey: string;
  };
  const ids: string[] = [];
  for (let start = 0; start < FOLLOWERS; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, FOLLOWERS - start) }, async () => {
        const { id, ...subscription } = standIn.subscribe(publicKey);
        ids.push(id);
        const response = await fetch(`${server.url}/api/push/subscriptions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ orderNumber: ORDER, lang: 'en', subscription }),
        });
        if (response.status !== 201) throw new Error(`subscribe: HTTP ${response.status}`);
      }),
    );
  }
  const cpuBefore = server.cpuMs();
  const sentAt = await signer.send(server.url, ORDER);
  await standIn.waitFor(() => standIn.received.length >= FOLLOWERS, 120_000, `${FOLLOWERS} pushes`);
  const lastAt = Math.max(...standIn.received.map((push) => push.at));
  const cpuMs = server.cpuMs() - cpuBefore;
  const delivered = ids.filter((id) => standIn.delivered(id).length === 1).length;
  const seconds = (lastAt - sentAt) / 1000;
  console.log(`Push: one order, ${FOLLOWERS} followers`);
  console.log(`  last push request arrived  ${(lastAt - sentAt).toFixed(0)} ms after the webhook`);
  console.log(`  throughput                 ${(FOLLOWERS / seconds).toFixed(0)} pushes/s`);
  console.log(
    `  server CPU                 ${cpuMs.toFixed(0)} ms (${(cpuMs / FOLLOWERS).toFixed(2)} ms per push)`,
  );
  console.log(
    `  accepted by the stand-in   ${delivered} of ${FOLLOWERS} (VAPID checked, payload decrypted)`,
  );
  if (delivered !== FOLLOWERS) process.exitCode = 1;
} finally {
  await server.stop();
  await standIn.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
