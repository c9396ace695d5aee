export * from './lib/connection-watch';
export * from './lib/device-storage';
export * from './lib/language';
export * from './lib/language-switch';
export * from './lib/live-socket';
export * from './lib/order-number-field';
export * from './lib/branding';
