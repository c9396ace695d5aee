import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

type RedisClient = ReturnType<typeof newClient>;
type AdapterConstructor = ReturnType<typeof createAdapter>;

/** At start: this many attempts, this far apart, before giving up with a clear error. */
const START_ATTEMPTS = 12;
const START_RETRY_MS = 250;

/**
 * Socket.IO fan-out across instances through Redis pub/sub (REDIS_URL): a change broadcast by
 * one instance reaches the boards and desks connected to every other. Without REDIS_URL there is
 * nothing to connect and Socket.IO keeps its in-memory adapter.
 */
export class RedisFanout implements OnApplicationShutdown {
  private readonly logger = new Logger('RedisFanout');

  private constructor(
    private readonly pub: RedisClient | undefined,
    private readonly sub: RedisClient | undefined,
    private readonly channelPrefix = 'hubble',
  ) {}

  static off(): RedisFanout {
    return new RedisFanout(undefined, undefined);
  }

  /** Connects both clients, or fails the start after ~3 s with a message naming REDIS_URL. */
  static async connect(url: string, channelPrefix: string): Promise<RedisFanout> {
    const logger = new Logger('RedisFanout');
    let started = false;
    let lastError = '';
    const pub = newClient(url, (retries, cause) => {
      lastError = cause.message;
      if (!started) {
        return retries >= START_ATTEMPTS
          ? new Error(`cannot reach Redis at REDIS_URL (${cause.message})`)
          : START_RETRY_MS;
      }
      return Math.min(100 * 2 ** retries, 2000);
    });
    const sub = pub.duplicate();
    let reported = false;
    for (const client of [pub, sub]) {
      client.on('error', (error: Error) => {
        // node-redis reports every failed reconnect; one line per outage is enough.
        if (started && !reported) {
          reported = true;
          logger.error(`Redis connection lost (${error.message}); reconnecting`);
        }
      });
      client.on('ready', () => {
        if (reported) logger.log('Redis connection is back');
        reported = false;
      });
    }
    try {
      await Promise.all([pub.connect(), sub.connect()]);
    } catch (error) {
      pub.destroy();
      sub.destroy();
      throw new Error(
        `Cannot reach Redis at REDIS_URL (${lastError || (error as Error).message})`,
        {
          cause: error,
        },
      );
    }
    started = true;
    logger.log(`Socket.IO fan-out through Redis at ${redactedUrl(url)}`);
    return new RedisFanout(pub, sub, channelPrefix);
  }

  get enabled(): boolean {
    return this.pub !== undefined;
  }

  /** The Socket.IO adapter to install, when fan-out is on. */
  adapter(): AdapterConstructor | undefined {
    return this.pub && this.sub
      ? createAdapter(this.pub, this.sub, { key: this.channelPrefix })
      : undefined;
  }

  /** True when Redis answers PING (readiness). */
  async ping(): Promise<boolean> {
    if (!this.pub) return true;
    // While reconnecting, a PING would wait in the offline queue: answer at once instead.
    if (!this.pub.isReady) return false;
    try {
      return (await this.pub.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.pub?.close(), this.sub?.close()]);
    this.logger.debug('Redis clients closed');
  }
}

function newClient(
  url: string,
  reconnectStrategy: (retries: number, cause: Error) => number | Error,
) {
  return createClient({ url, socket: { connectTimeout: 2000, reconnectStrategy } });
}

/** The URL without credentials, for the log. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = parsed.username ? '***' : '';
  parsed.password = parsed.password ? '***' : '';
  return parsed.toString();
}
