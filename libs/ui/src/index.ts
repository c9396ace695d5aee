export * from './lib/order-number-field';
