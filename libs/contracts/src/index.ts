export * from './lib/order-number';
export * from './lib/order';
export * from './lib/board-feed';
export * from './lib/aurora-delivery';
export * from './lib/admin';
export * from './lib/order-feed';
export * from './lib/push';
