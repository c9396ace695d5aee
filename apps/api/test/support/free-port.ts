import { createServer } from 'node:net';

// Below Linux's ephemeral range (32768–60999): servers that listen on port 0 and outgoing
// connections take their ports from that range, so a port picked here in advance stays free
// until the test's own server listens on it.
const FIRST = 20_000;
const PAST_LAST = 32_768;
const ATTEMPTS = 50;

/** A TCP port on 127.0.0.1 that was free a moment ago and that no `listen(0)` will take meanwhile. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = FIRST + Math.floor(Math.random() * (PAST_LAST - FIRST));
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port found in ${FIRST}–${PAST_LAST - 1} after ${ATTEMPTS} tries`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
