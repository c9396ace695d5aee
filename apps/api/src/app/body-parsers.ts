import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import { WEBHOOK_MAX_BODY_BYTES, WEBHOOK_PATH } from '../webhook/webhook.controller';

const JSON_BODY_LIMIT = '64kb';

/**
 * The webhook gets its body as raw bytes (its signature covers the bytes exactly as received)
 * with a 16 KB cap; every other route gets parsed JSON. Parser failures answer in the same JSON
 * shape as the rest of the API.
 */
export function installBodyParsers(app: NestExpressApplication): void {
  app.use(WEBHOOK_PATH, express.raw({ type: () => true, limit: WEBHOOK_MAX_BODY_BYTES }));
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  app.use(bodyParserErrors);
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
