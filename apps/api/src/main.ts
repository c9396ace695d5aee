import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { AdminTokenService } from './admin';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config';

/**
 * Connections the kernel may hold ready for us to accept (capped by net.core.somaxconn; Node's
 * default is 511). In a reconnect storm of thousands of boards the default queue overflowed; the
 * kernel then answered with SYN cookies and reset some of those connections (ECONNRESET on the
 * phones, which reconnect again); a longer queue lets them wait their turn instead.
 */
const LISTEN_BACKLOG = 4096;

async function main(): Promise<void> {
  const config = loadConfig(process.env, { webRoot: join(__dirname, '..') });
  const app = await createApp(config);
  // Nest's listen() passes its arguments on to http.Server.listen(port, host, backlog); its
  // typings know no backlog.
  const listen = app.listen.bind(app) as unknown as (
    port: number,
    host: string,
    backlog: number,
  ) => Promise<unknown>;
  await listen(config.port, config.host ?? '::', LISTEN_BACKLOG);
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
