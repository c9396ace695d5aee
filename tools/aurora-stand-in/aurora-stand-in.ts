// A local stand-in for Aurora (GEWIS aurora-core), speaking exactly its integration contract:
//   POST   /api/orders               {"orderNumber": 850, "timeoutSeconds": 300}  (grant addOrder)
//   DELETE /api/orders/:orderNumber                                               (grant removeOrder)
// with header X-API-Key on every call: 401 without the right key, 403 for an endpoint the
// integration user is not granted (e.g. GET /api/orders). Both answer 200 with the orders held.
// Orders live in memory with their timeouts; adding a number already held resets its timer.
//
// For tests and demos it can be told to fail (any status), hang (never answer), go down (stop
// listening), come back, or restart (forget every order), and it records every call it received.
// Control routes live under /__stand-in/ and need no key; they are not part of Aurora.
//
// Written in erasable TypeScript so that Node runs it directly (npm run aurora:dev).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Grant = 'addOrder' | 'removeOrder';

export interface StandInOptions {
  apiKey: string;
  port?: number;
  host?: string;
  grants?: Grant[];
}

export interface HeldOrder {
  number: number;
  timeoutSeconds: number;
  startTime: string;
  expiresAt: string;
}

export interface ReceivedCall {
  method: string;
  path: string;
  orderNumber: number | null;
  timeoutSeconds: number | null;
  status: number | null;
  at: string;
}

export type Behaviour = { mode: 'normal' } | { mode: 'fail'; status: number } | { mode: 'hang' };

interface StoredOrder {
  number: number;
  startTime: number;
  timeoutSeconds: number;
}

const MAX_BODY_BYTES = 64 * 1024;

export class AuroraStandIn {
  readonly calls: ReceivedCall[] = [];
  private readonly options: Required<StandInOptions>;
  private readonly held = new Map<number, StoredOrder>();
  private readonly hanging = new Set<ServerResponse>();
  private behaviour: Behaviour = { mode: 'normal' };
  private server: Server | undefined;
  private boundPort: number;

  constructor(options: StandInOptions) {
    this.options = {
      port: 0,
      host: '127.0.0.1',
      grants: ['addOrder', 'removeOrder'],
      ...options,
    };
    this.boundPort = this.options.port;
  }

  static async start(options: StandInOptions): Promise<AuroraStandIn> {
    const standIn = new AuroraStandIn(options);
    await standIn.up();
    return standIn;
  }

  get url(): string {
    return `http://${this.options.host}:${this.boundPort}`;
  }

  /** Starts listening (again, on the same port after {@link down}). */
  async up(): Promise<void> {
    if (this.server) return;
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, this.options.host, () => resolve());
    });
    this.boundPort = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every connection: callers see connection refused. */
  async down(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.hanging.forEach((response) => response.destroy());
    this.hanging.clear();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Like Aurora restarting: every order held is forgotten. */
  restart(): void {
    this.held.clear();
  }

  behave(behaviour: Behaviour): void {
    this.behaviour = behaviour;
    if (behaviour.mode !== 'hang') {
      this.hanging.forEach((response) => response.destroy());
      this.hanging.clear();
    }
  }

  /** The orders held now (expired ones are gone, as in Aurora). */
  orders(): HeldOrder[] {
    this.dropExpired();
    return [...this.held.values()].map((order) => ({
      number: order.number,
      timeoutSeconds: order.timeoutSeconds,
      startTime: new Date(order.startTime).toISOString(),
      expiresAt: new Date(order.startTime + order.timeoutSeconds * 1000).toISOString(),
    }));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    try {
      if (url.pathname.startsWith('/__stand-in/')) {
        await this.control(request, url.pathname, response);
        return;
      }
      await this.aurora(request, url.pathname, response);
    } catch (error) {
      send(response, 500, { message: (error as Error).message });
    }
  }

  private async aurora(
    request: IncomingMessage,
    path: string,
    response: ServerResponse,
  ): Promise<void> {
    const call: ReceivedCall = {
      method: request.method ?? '',
      path,
      orderNumber: null,
      timeoutSeconds: null,
      status: null,
      at: new Date().toISOString(),
    };
    this.calls.push(call);
    const answer = (status: number, body: unknown) => {
      call.status = status;
      send(response, status, body);
    };
    const body = await readBody(request);

    const route = matchRoute(request.method, path);
    if (!route) return answer(404, { message: 'Not found' });
    if (request.headers['x-api-key'] !== this.options.apiKey) {
      return answer(401, { message: 'Unauthorized' });
    }
    if (route.grant === null || !this.options.grants.includes(route.grant)) {
      return answer(403, { message: 'Forbidden' });
    }
    if (this.behaviour.mode === 'hang') {
      this.hanging.add(response);
      return;
    }
    if (this.behaviour.mode === 'fail') {
      return answer(this.behaviour.status, { message: 'Stand-in told to fail' });
    }

    if (route.grant === 'addOrder') {
      const parsed = parseAddOrder(body);
      if (typeof parsed === 'string') return answer(400, { message: parsed });
      call.orderNumber = parsed.orderNumber;
      call.timeoutSeconds = parsed.timeoutSeconds;
      this.held.set(parsed.orderNumber, {
        number: parsed.orderNumber,
        startTime: Date.now(),
        timeoutSeconds: parsed.timeoutSeconds,
      });
    } else {
      call.orderNumber = route.orderNumber;
      this.held.delete(route.orderNumber);
    }
    this.dropExpired();
    answer(200, [...this.held.values()].map(toAuroraOrder));
  }

  private async control(
    request: IncomingMessage,
    path: string,
    response: ServerResponse,
  ): Promise<void> {
    const body = await readBody(request);
    if (request.method === 'GET' && path === '/__stand-in/orders') {
      return send(response, 200, this.orders());
    }
    if (request.method === 'GET' && path === '/__stand-in/calls') {
      return send(response, 200, this.calls);
    }
    if (request.method === 'POST' && path === '/__stand-in/restart') {
      this.restart();
      return send(response, 200, { restarted: true });
    }
    if (request.method === 'POST' && path === '/__stand-in/behaviour') {
      const behaviour = parseBehaviour(body);
      if (typeof behaviour === 'string') return send(response, 400, { message: behaviour });
      this.behave(behaviour);
      return send(response, 200, behaviour);
    }
    send(response, 404, { message: 'Unknown stand-in control route' });
  }

  private dropExpired(): void {
    const now = Date.now();
    for (const [number, order] of this.held) {
      if (order.startTime + order.timeoutSeconds * 1000 <= now) this.held.delete(number);
    }
  }
}

type Route =
  { grant: 'addOrder' } | { grant: 'removeOrder'; orderNumber: number } | { grant: null };

function matchRoute(method: string | undefined, path: string): Route | undefined {
  if (path === '/api/orders') {
    if (method === 'POST') return { grant: 'addOrder' };
    if (method === 'GET') return { grant: null };
    return undefined;
  }
  const remove = /^\/api\/orders\/(-?[0-9]+)$/.exec(path);
  if (remove && method === 'DELETE')
    return { grant: 'removeOrder', orderNumber: Number(remove[1]) };
  return undefined;
}

function parseAddOrder(body: string): { orderNumber: number; timeoutSeconds: number } | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return 'Body must be JSON';
  }
  const { orderNumber, timeoutSeconds } = (value ?? {}) as Record<string, unknown>;
  if (typeof orderNumber !== 'number' || !Number.isInteger(orderNumber)) {
    return 'orderNumber must be an integer (a JSON number)';
  }
  if (
    typeof timeoutSeconds !== 'number' ||
    !Number.isInteger(timeoutSeconds) ||
    timeoutSeconds < 1
  ) {
    return 'timeoutSeconds must be a positive integer';
  }
  return { orderNumber, timeoutSeconds };
}

function parseBehaviour(body: string): Behaviour | string {
  try {
    const value = JSON.parse(body) as Partial<{ mode: string; status: number }>;
    if (value.mode === 'normal' || value.mode === 'hang') return { mode: value.mode };
    if (value.mode === 'fail' && Number.isInteger(value.status)) {
      return { mode: 'fail', status: value.status as number };
    }
  } catch {
    // fall through to the message
  }
  return 'Expected {"mode":"normal"}, {"mode":"hang"} or {"mode":"fail","status":503}';
}

function toAuroraOrder(order: StoredOrder) {
  return {
    number: order.number,
    startTime: new Date(order.startTime).toISOString(),
    timeoutSeconds: order.timeoutSeconds,
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('Body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
