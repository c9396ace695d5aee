import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig, type WebhookKeySource } from '../config';
import { ensureDevKeyPair } from './dev-key-pair';
import { HeldKeys } from './held-keys';

/**
 * A fetch for a failed signature starts at least this long after the previous one ended: forged
 * traffic cannot make us hammer the key server, and a rotation is still seen within seconds.
 */
export const MIN_FETCH_GAP_MS = 2000;
const MAX_KEY_BYTES = 64 * 1024;

interface Fetch {
  startedAt: number;
  done: Promise<void>;
}

/**
 * Holds Star Community's public key: loaded at start, renewed after its TTL, and fetched again
 * when a signature does not verify (key rotation). One fetch at a time, shared by every request
 * waiting for it. When the source is unreachable the last good key stays in use; the previous
 * key stays valid for a grace period after a new one arrived.
 */
@Injectable()
export class WebhookKeyService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookKeyService.name);
  private readonly keys: HeldKeys;
  private loadedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Fetch | undefined;
  /** When the last fetch that loaded a key started. */
  private lastLoadedStartedAt = Number.NEGATIVE_INFINITY;
  private lastEndedAt = Number.NEGATIVE_INFINITY;
  private nextFetch: Promise<void> | undefined;
  private failing = false;
  private ttlTimer: NodeJS.Timeout | undefined;

  constructor(private readonly config: AppConfig) {
    this.keys = new HeldKeys(config.webhook.keyGraceSeconds * 1000);
  }

  get source(): WebhookKeySource {
    return this.config.webhookKeySource;
  }

  async onModuleInit(): Promise<void> {
    await this.fetch();
    const ttlMs = this.config.webhookKeyTtlSeconds * 1000;
    this.ttlTimer = setInterval(
      () => {
        if (now() - this.loadedAt >= ttlMs) void this.fetch();
      },
      Math.min(ttlMs, 60_000),
    );
    this.ttlTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.ttlTimer);
  }

  /** The newest key, if one has ever been loaded. */
  current(): KeyObject | undefined {
    return this.keys.latest();
  }

  /** The keys a signature may verify with now, the newest first. */
  valid(): KeyObject[] {
    return this.keys.valid(now());
  }

  /**
   * For a signature that did not verify with {@link valid}: waits for keys fetched after this
   * call (perhaps Star Community rotated its key) and returns whether `verifies` accepts them.
   * Returns early once a finished fetch makes `verifies` true, or once a fetch started after this
   * call succeeded; a failed one (timeout, 5xx) is tried again after the fetch gap, because Star
   * Community does not resend a refused webhook. Never waits longer than a fetch gap plus two
   * fetch timeouts.
   */
  async awaitFreshKeys(verifies: (keys: readonly KeyObject[]) => boolean): Promise<boolean> {
    const since = now();
    const deadline = since + MIN_FETCH_GAP_MS + 2 * this.config.webhook.keyFetchTimeoutMs + 500;
    for (;;) {
      const running = this.inFlight;
      if (running) await running.done;
      else if (this.lastEndedAt + MIN_FETCH_GAP_MS >= deadline) return false;
      else await this.fetchSoon();
      if (verifies(this.valid())) return true;
      if (this.lastLoadedStartedAt >= since || now() >= deadline) return false;
    }
  }

  /** The next fetch, started once {@link MIN_FETCH_GAP_MS} has passed since the last one ended. */
  private fetchSoon(): Promise<void> {
    // Cleared once settled, never from inside: with no gap left to wait, the body runs up to the
    // fetch synchronously, and a clearing there would come before `??=` stores the promise, which
    // then stayed, settled, and every later caller waited on it instead of on a new fetch.
    this.nextFetch ??= (async () => {
      const wait = this.lastEndedAt + MIN_FETCH_GAP_MS - now();
      if (wait > 0) await sleep(wait);
      await this.fetch();
    })().finally(() => (this.nextFetch = undefined));
    return this.nextFetch;
  }

  private fetch(): Promise<void> {
    if (this.inFlight) return this.inFlight.done;
    const startedAt = now();
    const done = (async () => {
      let loaded = false;
      try {
        loaded = await this.load();
      } finally {
        this.inFlight = undefined;
        if (loaded) this.lastLoadedStartedAt = startedAt;
        this.lastEndedAt = now();
      }
    })();
    this.inFlight = { startedAt, done };
    return done;
  }

  /**
   * Loads the key from its source and says whether it did; on failure keeps the keys held and
   * warns (once per outage).
   */
  private async load(): Promise<boolean> {
    try {
      const key = createPublicKey(await this.readPem());
      if (key.asymmetricKeyType !== 'rsa') throw new Error('the key is not an RSA public key');
      const hadKey = this.keys.latest() !== undefined;
      if (this.keys.take(key, now())) {
        const grace = this.config.webhook.keyGraceSeconds;
        this.logger.log(
          `Star Community public key loaded from ${describe(this.source)}` +
            (hadKey && grace > 0 ? `; the previous key stays valid for ${grace} s` : ''),
        );
      } else if (this.failing) {
        this.logger.log(`Star Community public key source ${describe(this.source)} answers again`);
      }
      this.failing = false;
      this.loadedAt = now();
      return true;
    } catch (error) {
      const fallback = this.keys.latest()
        ? 'keeping the keys held'
        : 'no key held, webhooks get 503';
      const line =
        `Could not load the Star Community public key from ${describe(this.source)}: ` +
        `${(error as Error).message}; ${fallback}`;
      if (this.failing) this.logger.debug(line);
      else this.logger.warn(line);
      this.failing = true;
      return false;
    }
  }

  private async readPem(): Promise<string> {
    switch (this.source.kind) {
      case 'dev':
        return ensureDevKeyPair(this.source.dir).publicKeyPem;
      case 'file':
        return readFile(this.source.path, 'utf8');
      case 'url': {
        const response = await fetch(this.source.url, {
          signal: AbortSignal.timeout(this.config.webhook.keyFetchTimeoutMs),
          redirect: 'follow',
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const pem = await response.text();
        if (pem.length > MAX_KEY_BYTES) throw new Error('the response is too large for a key');
        return pem;
      }
    }
  }
}

/** A monotonic clock, so a wall-clock step cannot stall or rush a fetch. */
function now(): number {
  return performance.now();
}

function describe(source: WebhookKeySource): string {
  switch (source.kind) {
    case 'dev':
      return `the development key in ${source.dir}`;
    case 'file':
      return source.path;
    case 'url':
      return source.url;
  }
}
