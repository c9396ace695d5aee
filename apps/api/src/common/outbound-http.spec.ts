import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OutboundHttp } from './outbound-http';

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

describe('OutboundHttp', () => {
  let server: Server;
  let handler: Handler;
  let base: string;
  const sockets = new Set<Socket>();
  const http = new OutboundHttp(4);

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk: string) => (body += chunk));
      request.on('end', () => handler(request, response, body));
    });
    server.on('connection', (socket) => sockets.add(socket));
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    http.close();
    for (const socket of sockets) socket.destroy();
    server.close();
    await once(server, 'close');
  });

  it('sends method, headers and body, and answers with the status and headers', async () => {
    let seen: { method?: string; key?: string; body?: string } = {};
    handler = (request, response, body) => {
      seen = { method: request.method, key: request.headers['x-api-key'] as string, body };
      response.writeHead(201, { 'retry-after': '7' }).end('{"ok":true}');
    };
    const answer = await http.send(new URL(`${base}/api/orders`), {
      method: 'POST',
      headers: { 'x-api-key': 'k1', 'content-type': 'application/json' },
      body: '{"orderNumber":5}',
      timeoutMs: 10_000,
    });
    expect(answer.status).toBe(201);
    expect(answer.headers['retry-after']).toBe('7');
    expect(seen).toEqual({ method: 'POST', key: 'k1', body: '{"orderNumber":5}' });
  });

  it('reuses one kept-alive connection for calls one after another', async () => {
    const ports: number[] = [];
    handler = (request, response) => {
      ports.push(request.socket.remotePort ?? -1);
      response.end('{}');
    };
    for (let i = 0; i < 3; i++) {
      await http.send(new URL(`${base}/x`), { method: 'GET', headers: {}, timeoutMs: 10_000 });
    }
    expect(new Set(ports).size).toBe(1);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const paths: string[] = [];
    handler = (request, response) => {
      paths.push(request.url ?? '');
      response.writeHead(302, { location: '/elsewhere' }).end();
    };
    const answer = await http.send(new URL(`${base}/api/orders/3`), {
      method: 'DELETE',
      headers: {},
      timeoutMs: 10_000,
    });
    expect(answer.status).toBe(302);
    expect(paths).toEqual(['/api/orders/3']);
  });

  it('gives up after the time limit even while the answer trickles in', async () => {
    const writing: NodeJS.Timeout[] = [];
    handler = (_request, response) => {
      response.writeHead(200);
      // A byte every 100 ms keeps the socket busy: only a limit on the whole exchange stops it.
      writing.push(setInterval(() => response.write(' '), 100));
    };
    try {
      await expect(
        http.send(new URL(`${base}/slow`), { method: 'GET', headers: {}, timeoutMs: 500 }),
      ).rejects.toMatchObject({ code: 'ETIMEDOUT' });
    } finally {
      writing.forEach(clearInterval);
    }
  });

  it('rejects with the socket error code when nothing listens', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const port = (closed.address() as AddressInfo).port;
    closed.close();
    await once(closed, 'close');
    await expect(
      http.send(new URL(`http://127.0.0.1:${port}/`), {
        method: 'GET',
        headers: {},
        timeoutMs: 10_000,
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });
});
