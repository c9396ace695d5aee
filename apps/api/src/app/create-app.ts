import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { AppConfig } from '../config';
import { trustProxyFunction } from '../config';
import { FanoutIoAdapter } from '../realtime';
import { RedisFanout } from '../realtime';
import { AppModule } from './app.module';
import { installBodyParsers } from './body-parsers';
import { robotsTxt } from '../web';
import { securityHeaders } from '../web';
import { serveBuiltApps } from '../web';
import { applyHttpLimits } from './http-limits';
import { ClosingExpressAdapter } from './closing-express-adapter';
import { laneAheadOfExpress } from './lane-ahead-of-express';
import { WEBHOOK_PATH, WebhookLane } from '../webhook';

/** Builds the whole product for a configuration; used by main.ts and by in-process tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const server = express();
  // Paths mean one thing everywhere: /login/ logs in, /LOGIN/ does not (see logging/redaction).
  // Set before Nest first touches the router, which reads it once.
  server.set('case sensitive routing', true);
  const adapter = new ClosingExpressAdapter(server);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), adapter, {
    // Let start-up failures (store unreachable, …) reach the caller instead of exiting.
    abortOnError: false,
    bodyParser: false,
    // From the start of a shutdown, new requests get 503 + Connection: close, so a proxy in front
    // retries them on another instance while the requests in flight here finish.
    return503OnClosing: true,
    // Held until the pino logger (LOG_LEVEL) takes over, so start-up lines are JSON too.
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // No ETag on API answers: nothing revalidates them, and it is a SHA-1 of every body (the built
  // apps' files keep theirs: serve-static sets its own).
  app.set('etag', false);
  // Behind a reverse proxy (TRUST_PROXY), trust the nearest hop's X-Forwarded-For / -Proto only.
  app.set('trust proxy', trustProxyFunction(config.trustProxy));
  // The order webhook first, on its own lane: the answer does not wait for the pages' middleware.
  // `POST /api/orders/webhook` goes to it straight from the HTTP server, ahead of Express's router;
  // any other spelling (a query, a trailing slash) and every request while shutting down go
  // through Express, where only Nest's refusal of new requests then (503) comes before it.
  const lane = app.get(WebhookLane).handler;
  laneAheadOfExpress(app.getHttpServer(), server, WEBHOOK_PATH, lane, () => adapter.closing);
  server.post(WEBHOOK_PATH, lane);
  app.use(
    securityHeaders(config.frameAncestors, [config.branding.logoUrl, config.branding.faviconUrl]),
  );
  app.use(robotsTxt);
  serveBuiltApps(app, config.webRoot);
  installBodyParsers(app);
  applyHttpLimits(app.getHttpServer(), config.http);
  app.useWebSocketAdapter(new FanoutIoAdapter(app, app.get(RedisFanout)));
  app.enableShutdownHooks();
  return app;
}
