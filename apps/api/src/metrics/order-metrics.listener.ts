import { Injectable } from '@nestjs/common';
import { OrderChangedEvent, OrderRemovedEvent } from '../orders';
import { Metrics } from './metrics.service';
import { OnDomainEvent } from '../events';
import { ORDER_DOMAIN_EVENTS } from '../orders';

/** Counts order changes from the domain events. */
@Injectable()
export class OrderMetricsListener {
  constructor(private readonly metrics: Metrics) {}

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.created)
  onCreated({ order }: OrderChangedEvent): void {
    this.metrics.orderCreated(order.source);
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.refreshed)
  onRefreshed(): void {
    this.metrics.orderRefreshed();
  }

  @OnDomainEvent(ORDER_DOMAIN_EVENTS.removed)
  onRemoved({ order }: OrderRemovedEvent): void {
    this.metrics.orderRemoved(order.removedReason);
  }
}
