import type { OrderDto, RemovedOrderDto } from '@hubble/contracts';

/** Payload of `order.created` and `order.refreshed`, emitted after the change committed. */
export class OrderChangedEvent {
  constructor(
    readonly version: number,
    readonly order: OrderDto,
  ) {}
}

/** Payload of `order.removed`, emitted after the removal committed. */
export class OrderRemovedEvent {
  constructor(
    readonly version: number,
    readonly order: RemovedOrderDto,
  ) {}
}
