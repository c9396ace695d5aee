import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import type { AxiosResponse } from 'axios';
import { firstValueFrom } from 'rxjs';
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

/**
 * Aurora's integration contract: `POST /api/orders {orderNumber, timeoutSeconds}` and
 * `DELETE /api/orders/:orderNumber`, each with `X-API-Key`. The HttpModule of this module holds
 * the base URL, key header and time limit.
 */
@Injectable()
export class AuroraClient {
  constructor(private readonly http: HttpService) {}

  async call(call: AuroraCall): Promise<AuroraCallOutcome> {
    let response: AxiosResponse;
    try {
      response = await firstValueFrom(
        call.action === 'add'
          ? this.http.post('/api/orders', {
              orderNumber: call.orderNumber,
              timeoutSeconds: call.timeoutSeconds,
            })
          : this.http.delete(`/api/orders/${call.orderNumber}`),
      );
    } catch (error) {
      return { kind: 'retry', error: describeTransportError(error) };
    }
    return classify(response.status);
  }

  /**
   * Asks Aurora for its list (`GET /api/orders`, which an integration user may read) and says
   * what the answer means for our calls. Never throws.
   */
  async probe(): Promise<AuroraProbe> {
    try {
      const response = await firstValueFrom(this.http.get('/api/orders'));
      return probeResult(response.status);
    } catch (error) {
      return { kind: 'unreachable', error: describeTransportError(error) };
    }
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
  // Checked by shape, not instanceof: axios may be loaded twice (ESM and CommonJS builds).
  const { code, message, cause } = error as { code?: string; message?: string; cause?: unknown };
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') return 'timeout';
  const causeCode = (cause as { code?: string } | undefined)?.code;
  const text = message ?? String(error);
  return code ?? causeCode ?? errorCodeIn(text) ?? text;
}
