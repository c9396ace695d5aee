import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { AdminTokenService } from './admin';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

async function main(): Promise<void> {
  const config = loadConfig(process.env, { webRoot: join(__dirname, '..') });
  const app = await createApp(config);
  await app.listen(config.port, config.host ?? '::');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const store =
    config.storeKind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `SQLite in ${config.dataDir}`;
  const logger = new Logger('Main');
  logger.log(`Hubble Order Manager is listening on http://localhost:${port} — store: ${store}`);
  const loginPath = app.get(AdminTokenService).developmentLoginPath();
  if (loginPath) {
    const origin = config.publicUrl ?? `http://localhost:${port}`;
    logger.log(
      `Back-office login link (development only; set ADMIN_TOKEN in production): ${origin}${loginPath}`,
    );
  }
}

main().catch((error: unknown) => {
  const message =
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : `Start failed: ${error instanceof Error ? error.message : String(error)}`;
  console.error(message);
  process.exit(1);
});
