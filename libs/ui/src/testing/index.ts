export * from './fake-live-socket';
