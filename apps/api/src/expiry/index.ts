// The expiry module's public surface: other modules import only what is exported here.
export { ExpiryModule } from './expiry.module';
