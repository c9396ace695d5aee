import { randomBytes } from 'node:crypto';
import { createConnection } from 'node:net';

export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** Whether Redis answers PING; under CI its absence fails the run instead of skipping suites. */
export async function redisRequiredOrAvailable(): Promise<boolean> {
  const { hostname, port } = new URL(TEST_REDIS_URL);
  const answered = await new Promise<boolean>((resolve) => {
    const socket = createConnection({ host: hostname, port: Number(port || 6379) });
    socket.setTimeout(2000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString().startsWith('+PONG'));
    });
  });
  if (!answered && process.env['CI']) {
    throw new Error(`Redis is required under CI but does not answer at ${TEST_REDIS_URL}`);
  }
  if (!answered) console.warn(`Redis not reachable at ${TEST_REDIS_URL}: its suites are skipped`);
  return answered;
}

/** A channel prefix of its own, so suites running at once do not hear each other. */
export function testChannelPrefix(): string {
  return `hubble-test-${randomBytes(4).toString('hex')}`;
}
