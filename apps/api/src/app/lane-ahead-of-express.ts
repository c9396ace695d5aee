import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger } from '@nestjs/common';
import type { Express, Request, Response } from 'express';

type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Hands `POST <path>` (exactly, no query) straight from the HTTP server to `handler`, ahead of
 * Express's router and Nest's middleware, unless `closing()`; every other request, and this one
 * while closing, goes to the app as before (where the same handler is mounted as a route, after
 * Nest's refusal of new requests during a shutdown). The request and answer get what Express's
 * own entry gives them (`app.handle`: its request and response prototypes, `req.res`,
 * `res.locals`; `originalUrl` as its router would), so the handler cannot tell the two ways
 * apart. Call it while the app is the server's only `request` listener (right after Nest made
 * the server): the others, added later, keep running after it as before. A synchronous throw of
 * the handler gets the 500 Express's router would have given it, not an uncaught exception.
 */
export function laneAheadOfExpress(
  server: Server,
  app: Express,
  path: string,
  handler: (request: Request, response: Response) => void,
  closing: () => boolean,
): void {
  const listeners = server.listeners('request') as RequestListener[];
  if (listeners.length !== 1 || listeners[0] !== (app as unknown as RequestListener)) {
    throw new Error('laneAheadOfExpress: the app must be the server’s only request listener');
  }
  const logger = new Logger('WebhookLane');
  server.removeListener('request', app);
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'POST' || request.url !== path || closing()) {
      app(request, response);
      return;
    }
    const req = Object.setPrototypeOf(request, app.request) as Request;
    const res = Object.setPrototypeOf(response, app.response) as Response;
    req.res = res;
    res.req = req;
    res.locals = Object.create(null) as Response['locals'];
    req.originalUrl = path;
    req.baseUrl = '';
    try {
      handler(req, res);
    } catch (error) {
      logger.error(
        `Webhook failed before it was read: ${(error as Error).message}`,
        (error as Error).stack,
      );
      if (!res.headersSent)
        res.status(500).json({ statusCode: 500, message: 'Internal server error' });
    }
  });
}
