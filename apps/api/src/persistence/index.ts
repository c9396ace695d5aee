// The persistence module's public surface: other modules import only what is exported here.
export type {
  AdminAuditTable,
  AuroraAction,
  AuroraOutboxTable,
  OrdersTable,
  OutboxState,
  PushDeliveriesTable,
  PushDeliveryState,
  PushSubscriptionsTable,
  Tables,
} from './database';
export { PersistenceModule } from './persistence.module';
export { PreparedQuery } from './prepared-query';
export { Store } from './store';
export { storeUnavailableAnswer } from './store-unavailable.filter';
export { firstDueIn, isFinished, isUndone } from './undone-states';
