// A local stand-in for Aurora (GEWIS aurora-core v2.7.0), answering as its integration API does
// (read from its source: src/modules/orders/order-controller.ts, tsoa validation, src/error.ts):
//   POST   /api/orders               {"orderNumber": 850, "timeoutSeconds": 300}  (grant addOrder)
//   DELETE /api/orders/:orderNumber                                               (grant removeOrder)
//   GET    /api/orders               the list, for an integration user too
// with header X-API-Key on every call, checked in Aurora's order:
//   a body that is not JSON → 500 "Internal server error." (the body is parsed before anything);
//   no key or a wrong key → 401 {"message":"You are not logged in."};
//   an endpoint the integration user is not granted → 403 {"message":"Forbidden"};
//   the Orders feature switched off → 409 with a plain-text body;
//   a bad or missing orderNumber, a bad timeoutSeconds, any extra body field → 400
//     {"message":"Bad Request","details":{…}}; numeric strings, floats, 0 and negatives pass;
//   the feature switched on after Aurora started without it → 500 until Aurora restarts;
//   otherwise 200 with the full list [{number, startTime, timeoutSeconds}]; DELETE of a number
//   not held → 200 too. timeoutSeconds defaults to 120. Adding a number held resets its timer.
// Orders live in memory with their timeouts (an Aurora restart forgets them); no rate limits.
//
// For tests and demos it can be told to fail (any status), hang (never answer), go down (stop
// listening), come back, switch the Orders feature, or restart (forget every order), and it
// records every call it received. Control routes live under /__stand-in/ and need no key.
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
  /** Aurora's "Orders" server setting at start (default on). */
  ordersFeature?: boolean;
  /** Called the moment a call has been accepted (benchmarks time Aurora's receipt with it). */
  onAccepted?: (call: ReceivedCall) => void;
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
  /** How the order appears in Aurora's answers, serialised once when it is added. */
  json: string;
}

const MAX_BODY_BYTES = 64 * 1024;
/** Aurora's `Orders.DefaultTimeoutSeconds`. */
const DEFAULT_TIMEOUT_SECONDS = 120;
const FEATURE_OFF_TEXT = 'Endpoint is disabled by setting "Orders".';

export class AuroraStandIn {
  readonly calls: ReceivedCall[] = [];
  private readonly options: Required<Omit<StandInOptions, 'onAccepted'>> &
    Pick<StandInOptions, 'onAccepted'>;
  private readonly held = new Map<number, StoredOrder>();
  private readonly hanging = new Set<ServerResponse>();
  private behaviour: Behaviour = { mode: 'normal' };
  private server: Server | undefined;
  private boundPort: number;
  private ordersFeature: boolean;
  /** Aurora sets up its order manager only when it starts with the feature on. */
  private ordersReady: boolean;

  constructor(options: StandInOptions) {
    this.options = {
      port: 0,
      host: '127.0.0.1',
      grants: ['addOrder', 'removeOrder'],
      ordersFeature: true,
      ...options,
    };
    this.boundPort = this.options.port;
    this.ordersFeature = this.options.ordersFeature;
    this.ordersReady = this.ordersFeature;
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
    this.ordersReady = this.ordersFeature;
  }

  /**
   * Switches Aurora's "Orders" setting. Switched on after a start without it, order endpoints
   * answer 500 until {@link restart}, as in Aurora.
   */
  setOrdersFeature(on: boolean): void {
    this.ordersFeature = on;
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
    const route = matchRoute(request.method, path);
    if (route) this.calls.push(call);
    const answer = (status: number, body: unknown) => {
      call.status = status;
      send(response, status, body);
    };
    const text = await readBody(request);

    if (!route) return send(response, 404, { message: 'Not Found' });
    const body = parseJsonBody(request, text);
    if (body === NOT_JSON) return answer(500, 'Internal server error.');
    if (request.headers['x-api-key'] !== this.options.apiKey) {
      return answer(401, { message: 'You are not logged in.' });
    }
    if (route.grant !== null && !this.options.grants.includes(route.grant)) {
      return answer(403, { message: 'Forbidden' });
    }
    if (!this.ordersFeature) {
      call.status = 409;
      response.writeHead(409, { 'content-type': 'text/html; charset=utf-8' });
      response.end(FEATURE_OFF_TEXT);
      return;
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
      if ('details' in parsed)
        return answer(400, { message: 'Bad Request', details: parsed.details });
      if (!this.ordersReady) return answer(500, 'Internal server error.');
      call.orderNumber = parsed.orderNumber;
      call.timeoutSeconds = parsed.timeoutSeconds;
      this.held.set(parsed.orderNumber, storedOrder(parsed.orderNumber, parsed.timeoutSeconds));
    } else if (route.grant === 'removeOrder') {
      const orderNumber = numeric(route.orderNumber);
      if (orderNumber === undefined) {
        return answer(400, {
          message: 'Bad Request',
          details: { orderNumber: { message: 'invalid float number', value: route.orderNumber } },
        });
      }
      if (!this.ordersReady) return answer(500, 'Internal server error.');
      call.orderNumber = orderNumber;
      this.held.delete(orderNumber);
    } else if (!this.ordersReady) {
      return answer(500, 'Internal server error.');
    }
    this.dropExpired();
    if (route.grant !== null) this.options.onAccepted?.(call);
    // The list Aurora answers with, as JSON.stringify would write it, from each order's JSON
    // (serialising every held order per call cost the bench's load generators ~1 ms per order).
    call.status = 200;
    sendJsonText(
      response,
      200,
      `[${[...this.held.values()].map((order) => order.json).join(',')}]`,
    );
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
    if (request.method === 'POST' && path === '/__stand-in/feature') {
      const on = parseFeature(body);
      if (on === undefined)
        return send(response, 400, { message: 'Expected {"orders":true|false}' });
      this.setOrdersFeature(on);
      return send(response, 200, { orders: on });
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
  { grant: 'addOrder' } | { grant: 'removeOrder'; orderNumber: string } | { grant: null };

function matchRoute(method: string | undefined, path: string): Route | undefined {
  if (path === '/api/orders' || path === '/api/orders/') {
    if (method === 'POST') return { grant: 'addOrder' };
    if (method === 'GET') return { grant: null };
    return undefined;
  }
  const remove = /^\/api\/orders\/([^/]+)$/.exec(path);
  if (remove && method === 'DELETE') {
    return { grant: 'removeOrder', orderNumber: decodeURIComponent(remove[1]) };
  }
  return undefined;
}

const NOT_JSON = Symbol('not JSON');

/** As Express's JSON parser: only JSON content types are read; an empty body is `{}`. */
function parseJsonBody(request: IncomingMessage, text: string): unknown {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) return undefined;
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    // The parser's strict mode takes objects and arrays only; anything else is an error (500).
    return typeof value === 'object' && value !== null ? value : NOT_JSON;
  } catch {
    return NOT_JSON;
  }
}

/** tsoa's check for a `number`: a JSON number or a string that reads as a float. */
function numeric(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (!/^[-+]?(?:[0-9]+)?(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/.test(value)) return undefined;
  if (['', '.', '-', '+'].includes(value)) return undefined;
  const number = Number.parseFloat(value);
  return Number.isFinite(number) ? number : undefined;
}

type Details = Record<string, { message: string; value?: unknown }>;

function parseAddOrder(
  body: unknown,
): { orderNumber: number; timeoutSeconds: number } | { details: Details } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { details: { orderRequest: { message: "'orderRequest' is required" } } };
  }
  const fields = body as Record<string, unknown>;
  const details: Details = {};
  const extras = Object.keys(fields).filter(
    (key) => key !== 'orderNumber' && key !== 'timeoutSeconds',
  );
  if (extras.length > 0) {
    details['orderRequest'] = {
      message: `"${extras.join(',')}" is an excess property and therefore is not allowed`,
      value: extras.map((key) => ({ [key]: fields[key] })),
    };
  }
  const absent = (value: unknown) => value === undefined || value === null;
  const orderNumber = absent(fields['orderNumber']) ? undefined : numeric(fields['orderNumber']);
  if (absent(fields['orderNumber'])) {
    details['orderRequest.orderNumber'] = { message: "'orderNumber' is required" };
  } else if (orderNumber === undefined) {
    details['orderRequest.orderNumber'] = {
      message: 'invalid float number',
      value: fields['orderNumber'],
    };
  }
  let timeoutSeconds: number | undefined = DEFAULT_TIMEOUT_SECONDS;
  if (!absent(fields['timeoutSeconds'])) {
    timeoutSeconds = numeric(fields['timeoutSeconds']);
    if (timeoutSeconds === undefined) {
      details['orderRequest.timeoutSeconds'] = {
        message: 'invalid float number',
        value: fields['timeoutSeconds'],
      };
    }
  }
  if (
    Object.keys(details).length > 0 ||
    orderNumber === undefined ||
    timeoutSeconds === undefined
  ) {
    return { details };
  }
  return { orderNumber, timeoutSeconds };
}

function parseFeature(body: string): boolean | undefined {
  try {
    const value = JSON.parse(body) as { orders?: unknown };
    return typeof value.orders === 'boolean' ? value.orders : undefined;
  } catch {
    return undefined;
  }
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

function storedOrder(number: number, timeoutSeconds: number): StoredOrder {
  const startTime = Date.now();
  const json = JSON.stringify({
    number,
    startTime: new Date(startTime).toISOString(),
    timeoutSeconds,
  });
  return { number, startTime, timeoutSeconds, json };
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
  sendJsonText(response, status, JSON.stringify(body));
}

function sendJsonText(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
