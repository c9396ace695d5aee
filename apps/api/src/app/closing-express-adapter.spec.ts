import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ClosingExpressAdapter } from './closing-express-adapter';

describe('ClosingExpressAdapter', () => {
  it('says it is closing once Nest prepares to close, when Nest starts answering 503', async () => {
    const adapter = new ClosingExpressAdapter(express());
    adapter.initHttpServer({ return503OnClosing: true });
    adapter.get('/ping', (_request: unknown, response: express.Response) => response.send('pong'));
    const server = adapter.getHttpServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
    try {
      expect(adapter.closing).toBe(false);
      expect((await fetch(url)).status).toBe(200);
      adapter.beforeClose();
      expect(adapter.closing).toBe(true);
      expect((await fetch(url)).status).toBe(503);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  });
});
