import { Injectable, Logger } from '@nestjs/common';
import type { AuroraCall } from './aurora.client';

const REFUSAL_HINTS: Record<number, string> = {
  401: 'check AURORA_API_KEY',
  403: "check that Aurora's integration user is granted addOrder and removeOrder",
  409: 'the orders feature is disabled in Aurora',
};

/**
 * Logs Aurora trouble once per kind instead of once per call: the first retryable failure, and
 * the first refusal of each status, until a call is delivered again. Never logs the API key.
 */
@Injectable()
export class AuroraProblemLog {
  private readonly logger = new Logger('AuroraSync');
  private retrying = false;
  private readonly refusalsLogged = new Set<number>();

  delivered(): void {
    if (this.retrying || this.refusalsLogged.size > 0) {
      this.logger.log('Aurora accepts calls again');
    }
    this.retrying = false;
    this.refusalsLogged.clear();
  }

  willRetry(call: AuroraCall, error: string): void {
    if (this.retrying) return;
    this.retrying = true;
    this.logger.warn(
      `Aurora ${call.action} for order ${call.orderNumber} failed (${error}); retrying with backoff`,
    );
  }

  refused(call: AuroraCall, status: number): void {
    if (this.refusalsLogged.has(status)) return;
    this.refusalsLogged.add(status);
    const hint = REFUSAL_HINTS[status] ?? 'not retried';
    this.logger.error(
      `Aurora refused ${call.action} for order ${call.orderNumber}: HTTP ${status}; ${hint}. ` +
        'Such calls are marked failed and not retried.',
    );
  }
}
