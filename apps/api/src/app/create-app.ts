import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppConfig } from '../config/app-config';
import { FanoutIoAdapter } from '../realtime/fanout-io.adapter';
import { RedisFanout } from '../realtime/redis-fanout';
import { AppModule } from './app.module';
import { installBodyParsers } from './body-parsers';
import { applyHttpLimits } from './http-limits';

/** Builds the whole product for a configuration; used by main.ts and by in-process tests. */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
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
  // Behind a reverse proxy on the same machine (nginx), trust its X-Forwarded-For / -Proto.
  app.set('trust proxy', 'loopback');
  installBodyParsers(app);
  applyHttpLimits(app.getHttpServer(), config.http);
  app.useWebSocketAdapter(new FanoutIoAdapter(app, app.get(RedisFanout)));
  app.enableShutdownHooks();
  return app;
}
