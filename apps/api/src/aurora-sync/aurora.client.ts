import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { type OutboundAnswer, OutboundHttp } from '../common';
import { AppConfig, type AuroraSettings } from '../config';
import type { AuroraAction } from '../persistence';

/** What one call to Aurora came to. */
export type AuroraCallOutcome =
  | { kind: 'delivered' }
  /** Worth trying again later: network error, timeout, 5xx, 408 or 429. */
  | { kind: 'retry'; error: string }
  /** Aurora refused the call itself (e.g. 401 wrong API key, 403 not granted): do not repeat. */
  | { kind: 'refused'; error: string; status: number };

export type AuroraCall =
  | { action: Extract<AuroraAction, 'add'>; orderNumber: number; timeoutSeconds: number }
  | { action: Extract<AuroraAction, 'remove'>; orderNumber: number };

/** The delivery worker never has more calls in flight than this (its room), nor does the probe. */
const AURORA_CONNECTIONS = 64;

/**
 * Aurora's integration contract: `POST /api/orders {orderNumber, timeoutSeconds}` and
 * `DELETE /api/orders/:orderNumber`, each with `X-API-Key`, within AURORA_TIMEOUT_MS, over
 * kept-alive connections. Redirects are not followed: every status is an answer, and
 * {@link classify} decides what it means.
 */
@Injectable()
export class AuroraClient implements OnApplicationShutdown {
  private readonly http = new OutboundHttp(AURORA_CONNECTIONS);

  constructor(private readonly config: AppConfig) {}

  onApplicationShutdown(): void {
    this.http.close();
  }

  async call(call: AuroraCall): Promise<AuroraCallOutcome> {
    let answer: OutboundAnswer;
    try {
      answer =
        call.action === 'add'
          ? await this.send('POST', '/api/orders', {
              orderNumber: call.orderNumber,
              timeoutSeconds: call.timeoutSeconds,
            })
          : await this.send('DELETE', `/api/orders/${call.orderNumber}`);
    } catch (error) {
      return { kind: 'retry', error: describeTransportError(error) };
    }
    return classify(answer.status);
  }

  /**
   * Asks Aurora for its list (`GET /api/orders`, which an integration user may read) and says
   * what the answer means for our calls. Never throws.
   */
  async probe(): Promise<AuroraProbe> {
    try {
      return probeResult((await this.send('GET', '/api/orders')).status);
    } catch (error) {
      return { kind: 'unreachable', error: describeTransportError(error) };
    }
  }

  private send(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    json?: object,
  ): Promise<OutboundAnswer> {
    const aurora = this.settings();
    const body = json === undefined ? undefined : JSON.stringify(json);
    return this.http.send(new URL(aurora.url + path), {
      method,
      headers: {
        accept: 'application/json',
        'x-api-key': aurora.apiKey,
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
      },
      body,
      timeoutMs: aurora.timeoutMs,
    });
  }

  private settings(): AuroraSettings {
    const { aurora } = this.config;
    if (aurora === undefined) throw new Error('Aurora sync is off (AURORA_URL is not set)');
    return aurora;
  }
}

/**
 * What a probe found: Aurora takes our calls (`up`); it answers but refuses them (`refused`: a
 * wrong key 401, a missing grant 403, the Orders feature off 409); or it does not answer usefully
 * (`unreachable`: no connection, a timeout, or 5xx — e.g. the feature switched on without an
 * Aurora restart).
 */
export type AuroraProbe =
  | { kind: 'up' }
  | { kind: 'refused'; status: number; error: string }
  | { kind: 'unreachable'; error: string };

export function probeResult(status: number): AuroraProbe {
  const outcome = classify(status);
  switch (outcome.kind) {
    case 'delivered':
      return { kind: 'up' };
    case 'refused':
      return { kind: 'refused', status: outcome.status, error: outcome.error };
    case 'retry':
      return { kind: 'unreachable', error: outcome.error };
  }
}

export function classify(status: number): AuroraCallOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  const error = `HTTP ${status}`;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', error };
  return { kind: 'refused', error, status };
}

/** "connect ECONNREFUSED 127.0.0.1:9" → "ECONNREFUSED": short, and the same on every run. */
function errorCodeIn(message: string): string | undefined {
  return /\b(E[A-Z]{3,})\b/.exec(message)?.[1];
}

function describeTransportError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'ETIMEDOUT') return 'timeout';
  const text = message ?? String(error);
  return code ?? errorCodeIn(text) ?? text;
}
