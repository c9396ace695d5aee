import { HttpService } from '@nestjs/axios';
import { Injectable } from '@nestjs/common';
import { AxiosError, type AxiosResponse } from 'axios';
import { firstValueFrom } from 'rxjs';
import type { AuroraAction } from '../persistence/database';

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
}

export function classify(status: number): AuroraCallOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  const error = `HTTP ${status}`;
  if (status >= 500 || status === 408 || status === 429) return { kind: 'retry', error };
  return { kind: 'refused', error, status };
}

function describeTransportError(error: unknown): string {
  if (error instanceof AxiosError) {
    if (error.code === AxiosError.ECONNABORTED || error.code === AxiosError.ETIMEDOUT) {
      return 'timeout';
    }
    return error.code ?? error.message;
  }
  return (error as Error).message ?? String(error);
}
