// The config module's public surface: other modules import only what is exported here.
export { AppConfig, ConfigError, loadConfig } from './app-config';
export type { AuroraSettings, WebhookKeySource } from './app-config';
export { ConfigModule } from './config.module';
export { httpSettings } from './http-settings';
export type { HttpSettings } from './http-settings';
export type { OidcSettings } from './oidc-settings';
export { trustProxyFunction } from './proxy-settings';
export { DEFAULT_PUSH_SERVICE_HOSTS } from './push-settings';
