// npm run bench:push [-- --followers 1000] [-- --dist dir]
// The push phase (P7 of npm run bench) on its own: one order with many followers.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DIST } from './bench-server.ts';
import { measurePush } from './push-phase.ts';

const { values } = parseArgs({
  options: { followers: { type: 'string' }, dist: { type: 'string' } },
});
const push = await measurePush(
  Number(values.followers ?? 1000),
  values.dist ? resolve(values.dist) : DEFAULT_DIST,
);
const seconds = push.lastPushMs / 1000;
console.log(`Push: one order, ${push.followers} followers`);
console.log(`  last push request arrived  ${push.lastPushMs.toFixed(0)} ms after the webhook`);
console.log(`  throughput                 ${(push.followers / seconds).toFixed(0)} pushes/s`);
console.log(
  `  server CPU                 ${push.serverCpuMs.toFixed(0)} ms (${(push.serverCpuMs / push.followers).toFixed(2)} ms per push)`,
);
console.log(
  `  accepted by the stand-in   ${push.deliveredOnce} of ${push.followers} (VAPID checked, payload decrypted)`,
);
if (push.deliveredOnce !== push.followers) process.exitCode = 1;
