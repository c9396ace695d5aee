import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import express, { type Request, type Response } from 'express';
import { laneAheadOfExpress } from './lane-ahead-of-express';

const PATH = '/hooks/order';

describe('laneAheadOfExpress', () => {
  let server: Server;
  let base: string;
  let closing = false;
  /** Who answered each request: the lane, or the app (its route, or a middleware before it). */
  const answeredBy: string[] = [];
  /** Requests every later `request` listener saw. */
  let seenByOthers = 0;

  beforeAll(async () => {
    const app = express();
    app.set('trust proxy', false);
    app.use((request, _response, next) => {
      answeredBy.push(`app middleware ${request.method} ${request.originalUrl}`);
      next();
    });
    const lane = (request: Request, response: Response) => {
      answeredBy.push(`lane ${request.method} ${request.originalUrl}`);
      if (request.headers['x-throw']) throw new Error('thrown by the lane');
      // What the lane reads of Express: its request getters, its response methods.
      response.json({
        ip: request.ip,
        secure: request.secure,
        originalUrl: request.originalUrl,
        sameAnswer: response.req === request && request.res === response,
      });
    };
    app.post(PATH, lane);
    server = createServer(app);
    laneAheadOfExpress(server, app, PATH, lane, () => closing);
    server.on('request', () => seenByOthers++);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.close();
    await once(server, 'close');
  });

  beforeEach(() => {
    answeredBy.length = 0;
    seenByOthers = 0;
    closing = false;
  });

  it('hands POST of the path straight to the lane, as Express would have given it', async () => {
    const response = await fetch(`${base}${PATH}`, { method: 'POST', body: '{}' });
    expect(await response.json()).toEqual({
      ip: '127.0.0.1',
      secure: false,
      originalUrl: PATH,
      sameAnswer: true,
    });
    expect(answeredBy).toEqual([`lane POST ${PATH}`]);
    expect(seenByOthers).toBe(1);
  });

  it.each([
    ['a query', 'POST', `${PATH}?x=1`],
    ['a trailing slash', 'POST', `${PATH}/`],
    ['another method', 'GET', PATH],
    ['another path', 'POST', '/hooks/other'],
  ])('leaves %s to the app', async (_case, method, path) => {
    await fetch(`${base}${path}`, { method, ...(method === 'POST' && { body: '{}' }) });
    expect(answeredBy[0]).toBe(`app middleware ${method} ${path}`);
    expect(seenByOthers).toBe(1);
  });

  it('leaves the path to the app while closing', async () => {
    closing = true;
    const response = await fetch(`${base}${PATH}`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(200);
    expect(answeredBy).toEqual([`app middleware POST ${PATH}`, `lane POST ${PATH}`]);
  });

  it('answers a synchronous throw of the lane with a 500, and keeps serving', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const thrown = await fetch(`${base}${PATH}`, {
        method: 'POST',
        headers: { 'x-throw': '1' },
        body: '{}',
      });
      expect(thrown.status).toBe(500);
      expect(await thrown.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
      expect(logged).toHaveBeenCalledWith(
        'Webhook failed before it was read: thrown by the lane',
        expect.stringContaining('thrown by the lane'),
      );
    } finally {
      logged.mockRestore();
    }
    const next = await fetch(`${base}${PATH}`, { method: 'POST', body: '{}' });
    expect(next.status).toBe(200);
  });

  it('refuses to go ahead of anything but the app alone', () => {
    const app = express();
    const other = createServer(app);
    other.on('request', () => undefined);
    expect(() =>
      laneAheadOfExpress(
        other,
        app,
        PATH,
        () => undefined,
        () => false,
      ),
    ).toThrow(/only request listener/);
  });
});
