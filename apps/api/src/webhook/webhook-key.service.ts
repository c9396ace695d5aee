import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { AppConfig, type WebhookKeySource } from '../config/app-config';
import { ensureDevKeyPair } from './dev-key-pair';

const FETCH_TIMEOUT_MS = 5000;
/** After a signature failure the key is fetched again, but never more often than this. */
const REFETCH_AFTER_FAILURE_MS = 60_000;
const MAX_KEY_BYTES = 64 * 1024;

/**
 * Holds Star Community's public key: loaded at start, renewed after its TTL, fetched again when a
 * signature fails (key rotation, at most once a minute). When the source is unreachable the last
 * good key stays in use.
 */
@Injectable()
export class WebhookKeyService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookKeyService.name);
  private key: KeyObject | undefined;
  private loadedAt = 0;
  private lastFailureRefetchAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<KeyObject | undefined> | undefined;
  private ttlTimer: NodeJS.Timeout | undefined;

  constructor(private readonly config: AppConfig) {}

  get source(): WebhookKeySource {
    return this.config.webhookKeySource;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    const ttlMs = this.config.webhookKeyTtlSeconds * 1000;
    this.ttlTimer = setInterval(
      () => {
        if (Date.now() - this.loadedAt >= ttlMs) void this.reload();
      },
      Math.min(ttlMs, REFETCH_AFTER_FAILURE_MS),
    );
    this.ttlTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.ttlTimer);
  }

  /** The key to verify with, if one has ever been loaded. */
  current(): KeyObject | undefined {
    return this.key;
  }

  /**
   * Called when a signature does not verify (or no key is held): loads the key again unless
   * that was already tried within the last minute. Returns the new key only if it changed.
   */
  async refetchAfterFailure(): Promise<KeyObject | undefined> {
    if (Date.now() - this.lastFailureRefetchAt < REFETCH_AFTER_FAILURE_MS) return undefined;
    this.lastFailureRefetchAt = Date.now();
    const before = this.key;
    const after = await this.reload();
    return after && (!before || !after.equals(before)) ? after : undefined;
  }

  /** Loads the key from its source; on failure keeps the last good key and warns. */
  private reload(): Promise<KeyObject | undefined> {
    this.loading ??= this.load().finally(() => (this.loading = undefined));
    return this.loading;
  }

  private async load(): Promise<KeyObject | undefined> {
    try {
      const key = createPublicKey(await this.readPem());
      if (key.asymmetricKeyType !== 'rsa') throw new Error('the key is not an RSA public key');
      if (!this.key || !key.equals(this.key)) {
        this.logger.log(`Star Community public key loaded from ${describe(this.source)}`);
      }
      this.key = key;
      this.loadedAt = Date.now();
    } catch (error) {
      const fallback = this.key ? 'keeping the last good key' : 'no key held, webhooks get 503';
      this.logger.warn(
        `Could not load the Star Community public key from ${describe(this.source)}: ` +
          `${(error as Error).message}; ${fallback}`,
      );
    }
    return this.key;
  }

  private async readPem(): Promise<string> {
    switch (this.source.kind) {
      case 'dev':
        return ensureDevKeyPair(this.source.dir).publicKeyPem;
      case 'file':
        return readFile(this.source.path, 'utf8');
      case 'url': {
        const response = await fetch(this.source.url, {
          signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
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
