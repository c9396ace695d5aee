import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  type RateLimiterAbstract,
  RateLimiterRes,
} from 'rate-limiter-flexible';
import { createClient } from 'redis';
import type { AppConfig } from '../config';

/** More than this many wrong tokens from one address within {@link WINDOW_SECONDS}… */
export const WRONG_TOKENS_ALLOWED = 10;
const WINDOW_SECONDS = 60;
/** …block that address for this long, right token or not. */
const BLOCK_SECONDS = 60;

/** What this class needs of its Redis client once the limiter holds it. */
interface ClosableClient {
  close(): Promise<unknown>;
}

/**
 * Wrong staff tokens per client address, counted by rate-limiter-flexible: in memory on one
 * instance, in Redis (REDIS_URL) when several instances must share the counts. If Redis stops
 * answering, each instance counts in memory meanwhile (the library's insurance limiter), so
 * logins never fail because Redis does. Only wrong tokens are counted, so staff logging in
 * never use up anyone's allowance.
 */
export class LoginLimiter implements OnApplicationShutdown {
  private readonly logger = new Logger('LoginRefusals');

  private constructor(
    private readonly limiter: RateLimiterAbstract,
    private readonly redis: ClosableClient | undefined,
  ) {}

  static async create({ redisUrl, redisChannelPrefix }: AppConfig): Promise<LoginLimiter> {
    const policy = {
      points: WRONG_TOKENS_ALLOWED,
      duration: WINDOW_SECONDS,
      blockDuration: BLOCK_SECONDS,
    };
    if (!redisUrl) return new LoginLimiter(new RateLimiterMemory(policy), undefined);
    const redis = createClient({
      url: redisUrl,
      socket: {
        connectTimeout: 2000,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2000),
      },
      // Commands fail at once while Redis is away, so the insurance limiter takes over.
      disableOfflineQueue: true,
    });
    // Its outages are reported by the Socket.IO fan-out, which uses the same Redis.
    redis.on('error', () => undefined);
    // Wait for Redis a little (the start fails anyway when it is unreachable: RedisFanout), but
    // never hang here: until it answers, the insurance limiter counts.
    const connected = redis.connect().then(
      () => undefined,
      () => undefined,
    );
    await Promise.race([connected, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    const limiter = new RateLimiterRedis({
      ...policy,
      storeClient: redis,
      useRedisPackage: true,
      keyPrefix: `${redisChannelPrefix}:login-refusals`,
      insuranceLimiter: new RateLimiterMemory(policy),
    });
    return new LoginLimiter(limiter, redis);
  }

  async onApplicationShutdown(): Promise<void> {
    // A client that never connected refuses to close; there is nothing to close then.
    await Promise.resolve()
      .then(() => this.redis?.close())
      .catch(() => undefined);
  }

  /** Seconds until the block on `address` ends (0 when not blocked). */
  async retryAfterSeconds(address: string): Promise<number> {
    const state = await this.limiter.get(address).catch(() => null);
    if (!state || state.consumedPoints <= WRONG_TOKENS_ALLOWED) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  async recordWrongToken(address: string): Promise<void> {
    try {
      await this.limiter.consume(address);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      if (rejection.consumedPoints === WRONG_TOKENS_ALLOWED + 1) {
        this.logger.warn(
          `Wrong tokens from ${address} exceed ${WRONG_TOKENS_ALLOWED} in ${WINDOW_SECONDS} s; ` +
            `blocked for ${BLOCK_SECONDS} s`,
        );
      }
    }
  }
}
