import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { ORDER_EVENTS } from '@hubble/contracts';
import { OrderChangedEvent, OrderRemovedEvent } from '../orders';
import { Metrics } from './metrics.service';

/** Counts order changes from the domain events. */
@Injectable()
export class OrderMetricsListener {
  constructor(private readonly metrics: Metrics) {}

  @OnEvent(ORDER_EVENTS.created)
  onCreated({ order }: OrderChangedEvent): void {
    this.metrics.orderCreated(order.source);
  }

  @OnEvent(ORDER_EVENTS.refreshed)
  onRefreshed(): void {
    this.metrics.orderRefreshed();
  }

  @OnEvent(ORDER_EVENTS.removed)
  onRemoved({ order }: OrderRemovedEvent): void {
    this.metrics.orderRemoved(order.removedReason);
  }
}
