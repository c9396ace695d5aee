import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ADMIN_ROUTES, SCREEN_STATE_ROUTES } from '@hubble/contracts';
import { bodyParserFailure, type BodyParserError } from '../common';
import { AppConfig } from '../config';
import { SignedWebhookReader } from '../webhook';

/**
 * Star Community's screen-state webhook gets its body as raw bytes (its signature covers the bytes
 * exactly as received) with no Content-Encoding; every other route gets parsed JSON. (The order
 * webhook reads its own body: see WebhookLane.) The caps come from config (`http.bodyLimits`).
 * Parser failures answer in the same JSON shape as the rest of the API.
 */
export function installBodyParsers(app: NestExpressApplication): void {
  const limits = app.get(AppConfig).http.bodyLimits;
  app.use(SCREEN_STATE_ROUTES.webhook, app.get(SignedWebhookReader).bodyParser());
  const addOrderJson = express.json({ limit: limits.addOrderBytes });
  app.use(ADMIN_ROUTES.orders, (request: Request, response: Response, next: NextFunction) =>
    request.method === 'POST' && request.path === '/'
      ? addOrderJson(request, response, next)
      : next(),
  );
  app.use(express.json({ limit: limits.jsonBytes }));
  app.use((error: BodyParserError, _request: Request, response: Response, next: NextFunction) => {
    const failure = bodyParserFailure(error);
    if (!failure) {
      next(error);
      return;
    }
    response.status(failure.status).json(failure.body);
  });
}
