import { Injectable, Logger } from '@nestjs/common';
import type { AuroraProblemKind } from '@hubble/contracts';
import type { AuroraCall } from './aurora.client';

const REFUSAL_HINTS: Record<number, string> = {
  401: 'check AURORA_API_KEY',
  403: "check that Aurora's integration user is granted addOrder and removeOrder",
  409: 'the orders feature is disabled in Aurora',
};

/** The refusal statuses a fix on Aurora's side cures, and what staff are told about each. */
export function refusalKind(status: number): AuroraProblemKind {
  if (status === 401) return 'wrong-key';
  if (status === 403) return 'not-granted';
  if (status === 409) return 'feature-off';
  return 'refused';
}

/**
 * Logs Aurora trouble once per kind instead of once per call: the first retryable failure, and
 * the first refusal of each status, until a call is delivered again. Remembers the standing
 * refusal so readiness and the desk can say it. Never logs the API key.
 */
@Injectable()
export class AuroraProblemLog {
  private readonly logger = new Logger('AuroraSync');
  private retrying = false;
  private readonly refusalsLogged = new Set<number>();
  private refusal: { status: number; since: number } | undefined;

  /** The latest refusal not followed by a delivered call, if any. */
  get standingRefusal(): { status: number; since: number } | undefined {
    return this.refusal;
  }

  delivered(): void {
    if (this.retrying || this.refusalsLogged.size > 0) {
      this.logger.log('Aurora accepts calls again');
    }
    this.retrying = false;
    this.refusalsLogged.clear();
    this.refusal = undefined;
  }

  willRetry(call: AuroraCall, error: string): void {
    if (this.retrying) return;
    this.retrying = true;
    this.logger.warn(
      `Aurora ${call.action} for order ${call.orderNumber} failed (${error}); retrying with backoff`,
    );
  }

  refused(call: AuroraCall, status: number, retrySeconds: number): void {
    if (this.refusal?.status !== status) this.refusal = { status, since: Date.now() };
    if (this.refusalsLogged.has(status)) return;
    this.refusalsLogged.add(status);
    const hint = REFUSAL_HINTS[status] ?? 'not retried';
    this.logger.error(
      `Aurora refused ${call.action} for order ${call.orderNumber}: HTTP ${status}; ${hint}. ` +
        `Such calls are marked failed; adds of live orders are tried again every ${retrySeconds} s.`,
    );
  }
}
