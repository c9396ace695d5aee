import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ADMIN_ROUTES, SCREEN_STATE_ROUTES } from '@hubble/contracts';
import { AppConfig } from '../config';
import { Metrics } from '../metrics';
import { SignedWebhookReader, WEBHOOK_PATH } from '../webhook';

/**
 * Both Star Community webhooks get their body as raw bytes (its signature covers the bytes exactly
 * as received) with no Content-Encoding; every other route gets parsed JSON. The caps come from
 * config (`http.bodyLimits`). Parser failures answer in the same JSON shape as the rest of the API.
 */
export function installBodyParsers(app: NestExpressApplication): void {
  const metrics = app.get(Metrics);
  const limits = app.get(AppConfig).http.bodyLimits;
  app.use(
    WEBHOOK_PATH,
    app.get(SignedWebhookReader).bodyParser((refusal) => metrics.webhook(refusal.outcome)),
  );
  // Star Community's second webhook: the same raw body, size limit and encoding rule.
  app.use(SCREEN_STATE_ROUTES.webhook, app.get(SignedWebhookReader).bodyParser());
  const addOrderJson = express.json({ limit: limits.addOrderBytes });
  app.use(ADMIN_ROUTES.orders, (request: Request, response: Response, next: NextFunction) =>
    request.method === 'POST' && request.path === '/'
      ? addOrderJson(request, response, next)
      : next(),
  );
  app.use(express.json({ limit: limits.jsonBytes }));
  app.use((error: BodyParserError, request: Request, response: Response, next: NextFunction) => {
    // The webhook controller never sees a body over the cap; count it here.
    if (error.type === 'entity.too.large' && request.path === WEBHOOK_PATH) {
      metrics.webhook('too_large');
    }
    bodyParserErrors(error, request, response, next);
  });
}

interface BodyParserError extends Error {
  status?: number;
  type?: string;
}

function bodyParserErrors(
  error: BodyParserError,
  _request: Request,
  response: Response,
  next: NextFunction,
): void {
  if (error.type === 'entity.too.large') {
    response.status(413).json({
      statusCode: 413,
      message: 'The request body is too large',
      error: 'Payload Too Large',
    });
    return;
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    const message =
      error.type === 'entity.parse.failed' ? 'The body is not valid JSON' : error.message;
    response.status(error.status).json({ statusCode: error.status, message, error: 'Bad Request' });
    return;
  }
  next(error);
}
