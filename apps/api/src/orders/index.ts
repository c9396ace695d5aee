// The orders module's public surface: other modules import only what is exported here.
export {
  ORDER_CHANGES_IN_TRANSACTION,
  ORDER_DOMAIN_EVENTS,
  OrderChangedEvent,
  OrderChangesInTransaction,
  OrderRemovedEvent,
} from './order-events';
export { OrdersModule } from './orders.module';
export type { OrderChange } from './order-change';
export { OrdersService } from './orders.service';
