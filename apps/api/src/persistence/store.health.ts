import { Injectable } from '@nestjs/common';
import { HealthIndicator, type IndicatorState, type ModuleHealth } from '../health';
import { Store } from './store';

/** The store can keep orders: usable (not deleted, read-only or full) and answering. */
@Injectable()
@HealthIndicator({ name: 'store', essential: true })
export class StoreHealth implements ModuleHealth {
  constructor(private readonly store: Store) {}

  async readiness(): Promise<IndicatorState> {
    const { usable, reason } = await this.store.condition();
    const kind = this.store.kind;
    if (!usable) return { status: 'down', details: { kind, reason } };
    if (!(await this.store.ping())) {
      return { status: 'down', details: { kind, reason: 'the store does not answer' } };
    }
    return { status: 'up', details: { kind } };
  }

  async summary() {
    const { status, details } = await this.readiness();
    const reason = details?.['reason'];
    return { kind: this.store.kind, status, ...(reason !== undefined && { reason }) };
  }
}
