import { DiscoveryService } from '@nestjs/core';

/** One module's condition: `down` makes the instance unready, `degraded` only says so. */
export interface IndicatorState {
  status: 'up' | 'down' | 'degraded';
  /** Shown in `/health/ready` beside the status. */
  details?: Record<string, unknown>;
}

/** What a module contributes to `/health/ready` and `/health`. */
export interface ModuleHealth {
  readiness(): Promise<IndicatorState> | IndicatorState;
  /**
   * This module's entry in `GET /health`; `storeUp` says whether the essential indicators are
   * up, so a module can avoid queries that would only wait on a dead store.
   */
  summary?(context: { storeUp: boolean }): Promise<unknown> | unknown;
}

/**
 * Marks a provider as a module's health indicator, under `name` (its key in both reports).
 * `essential`: `GET /health` answers 503 while it is not up (the store).
 */
export const HealthIndicator = DiscoveryService.createDecorator<{
  name: string;
  essential?: boolean;
}>();
