// A local stand-in for a browser push service (RFC 8030 Web Push, RFC 8291 aes128gcm message
// encryption, RFC 8292 VAPID), as FCM, Mozilla autopush and Apple's service answer:
//   POST /push/:id  → 201 Created (Location: the message) once the message is accepted;
//   404 unknown subscription, 410 expired one; 400 missing TTL or bad Urgency/Topic;
//   401 a missing or invalid VAPID JWT (aud must be this origin, exp within 24 h, ES256 over the
//   key in `k`); 403 a key other than the subscription's applicationServerKey; 413 over 4096 bytes;
//   415 a Content-Encoding other than aes128gcm.
// `subscribe()` plays the browser: it makes the subscription's ECDH key pair and auth secret and
// decrypts every accepted message with them, so a test reads exactly what a browser would show.
// Tests may make it fail the next requests (any status), expire a subscription (410), or hang.
//
// Written in erasable TypeScript so that Node runs it directly; it needs nothing but node:*.
import {
  createCipheriv,
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  randomUUID,
  verify,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What PushSubscription.toJSON() gives in a browser. */
export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export interface ReceivedPush {
  subscriptionId: string;
  status: number;
  at: number;
  ttl: number | null;
  urgency: string | null;
  topic: string | null;
  /** The decrypted payload (accepted messages only). */
  payload: string | null;
  /** The VAPID JWT's claims, when it verified. */
  claims: { aud: string; exp: number; sub: string } | null;
  /** Why it was refused, if it was. */
  problem: string | null;
}

interface HeldSubscription {
  id: string;
  ecdh: ReturnType<typeof createECDH>;
  auth: Buffer;
  applicationServerKey: Buffer | null;
  expired: boolean;
  /** Statuses to answer with, one per request, before answering normally again. */
  failures: number[];
}

const MAX_BODY = 4096 + 1024;
const MAX_PAYLOAD = 4096;
const URGENCIES = new Set(['very-low', 'low', 'normal', 'high']);

export class PushServiceStandIn {
  readonly received: ReceivedPush[] = [];
  private readonly subscriptions = new Map<string, HeldSubscription>();
  private readonly listeners = new Set<() => void>();
  private server: Server | undefined;
  private port = 0;
  private hanging = false;
  private readonly held = new Set<ServerResponse>();

  private readonly host: string;

  private constructor(host: string) {
    this.host = host;
  }

  static async start(options: { host?: string; port?: number } = {}): Promise<PushServiceStandIn> {
    const standIn = new PushServiceStandIn(options.host ?? '127.0.0.1');
    const server = createServer((request, response) => void standIn.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, standIn.host, () => resolve());
    });
    standIn.port = (server.address() as AddressInfo).port;
    standIn.server = server;
    return standIn;
  }

  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** The host:port to list in PUSH_SERVICE_HOSTS. */
  get hostEntry(): string {
    return `${this.host}:${this.port}`;
  }

  /**
   * A browser subscribing: a fresh P-256 key pair and a 16-byte auth secret; with the server's
   * VAPID public key (base64url) the subscription accepts only pushes signed by it.
   */
  subscribe(applicationServerKey?: string): BrowserSubscription & { id: string } {
    const id = randomUUID();
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.subscriptions.set(id, {
      id,
      ecdh,
      auth,
      applicationServerKey: applicationServerKey
        ? Buffer.from(applicationServerKey, 'base64url')
        : null,
      expired: false,
      failures: [],
    });
    return {
      id,
      endpoint: `${this.origin}/push/${id}`,
      keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
    };
  }

  /** The next `times` requests for the subscription are answered with `status`. */
  failNext(id: string, status: number, times = 1): void {
    this.held_(id).failures.push(...Array<number>(times).fill(status));
  }

  /** The subscription has expired (the browser unsubscribed): 410 from now on. */
  expire(id: string): void {
    this.held_(id).expired = true;
  }

  /** Accept requests but never answer them (until {@link stop} or hang(false)). */
  hang(on: boolean): void {
    this.hanging = on;
    if (!on) {
      this.held.forEach((response) => response.destroy());
      this.held.clear();
    }
  }

  /** Messages accepted (201) for a subscription, oldest first. */
  delivered(id: string): ReceivedPush[] {
    return this.received.filter((push) => push.subscriptionId === id && push.status === 201);
  }

  /** Resolves once `done()` holds, re-checked after every request. */
  waitFor(done: () => boolean, timeoutMs = 10_000, what = 'pushes'): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners.delete(check);
        resolve();
      };
      this.listeners.add(check);
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.held.forEach((response) => response.destroy());
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }

  private held_(id: string): HeldSubscription {
    const held = this.subscriptions.get(id);
    if (!held) throw new Error(`No subscription ${id}`);
    return held;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const match = /^\/push\/([0-9a-f-]{36})$/.exec(request.url ?? '');
    const push: ReceivedPush = {
      subscriptionId: match?.[1] ?? '',
      status: 0,
      at: Date.now(),
      ttl: headerNumber(request.headers['ttl']),
      urgency: header(request.headers['urgency']),
      topic: header(request.headers['topic']),
      payload: null,
      claims: null,
      problem: null,
    };
    if (this.hanging) {
      this.held.add(response);
      return;
    }
    const [status, problem] = this.accept(request, body, push);
    push.status = status;
    push.problem = problem;
    this.received.push(push);
    if (status === 201) response.setHeader('Location', `${this.origin}/message/${randomUUID()}`);
    response.writeHead(status, problem ? { 'content-type': 'application/json' } : {});
    response.end(problem ? JSON.stringify({ code: status, error: problem }) : undefined);
    this.listeners.forEach((listener) => listener());
  }

  /** Checks the request as a push service does; decrypts the payload when it is accepted. */
  private accept(
    request: IncomingMessage,
    body: Buffer,
    push: ReceivedPush,
  ): [number, string | null] {
    if (request.method !== 'POST') return [405, 'method not allowed'];
    const held = this.subscriptions.get(push.subscriptionId);
    if (!held) return [404, 'no such subscription'];
    if (held.expired) return [410, 'subscription expired'];
    if (body.length === 0 && request.headers['content-length'] === undefined) {
      return [411, 'length required'];
    }
    if (push.ttl === null || push.ttl < 0) return [400, 'missing or invalid TTL header'];
    if (push.urgency !== null && !URGENCIES.has(push.urgency)) return [400, 'invalid Urgency'];
    if (push.topic !== null && !/^[A-Za-z0-9_-]{1,32}$/.test(push.topic)) {
      return [400, 'invalid Topic'];
    }
    const vapid = verifyVapid(header(request.headers['authorization']), this.origin);
    if ('problem' in vapid) return [401, vapid.problem];
    push.claims = vapid.claims;
    if (held.applicationServerKey && !held.applicationServerKey.equals(vapid.key)) {
      return [403, 'VAPID key does not match the subscription'];
    }
    const forced = held.failures.shift();
    if (forced !== undefined) return [forced, 'stand-in told to fail'];
    if (body.length > 0) {
      if (header(request.headers['content-encoding']) !== 'aes128gcm') {
        return [415, 'Content-Encoding must be aes128gcm'];
      }
      if (body.length > MAX_PAYLOAD) return [413, 'payload too large'];
      try {
        push.payload = decryptAes128gcm(body, held.ecdh, held.auth).toString('utf8');
      } catch (error) {
        return [400, `payload does not decrypt: ${(error as Error).message}`];
      }
    }
    return [201, null];
  }
}

function header(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function headerNumber(value: string | string[] | undefined): number | null {
  return typeof value === 'string' && /^[0-9]+$/.test(value) ? Number(value) : null;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

type VapidCheck =
  { claims: { aud: string; exp: number; sub: string }; key: Buffer } | { problem: string };

/** RFC 8292: `Authorization: vapid t=<JWT>, k=<P-256 public key>`, ES256, aud, exp ≤ 24 h. */
export function verifyVapid(authorization: string | null, origin: string): VapidCheck {
  const match = /^vapid t=([A-Za-z0-9_.-]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? '');
  if (!match) return { problem: 'missing vapid Authorization' };
  const [, token, k] = match;
  const key = Buffer.from(k, 'base64url');
  if (key.length !== 65 || key[0] !== 4) return { problem: 'k is not a P-256 public key' };
  const parts = token.split('.');
  if (parts.length !== 3) return { problem: 'malformed JWT' };
  let head: { alg?: string; typ?: string };
  let claims: { aud?: unknown; exp?: unknown; sub?: unknown };
  try {
    head = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return { problem: 'malformed JWT' };
  }
  if (head.alg !== 'ES256') return { problem: 'JWT alg must be ES256' };
  const publicKey = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: key.subarray(1, 33).toString('base64url'),
      y: key.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const signature = Buffer.from(parts[2], 'base64url');
  const signed = verify(
    'sha256',
    Buffer.from(`${parts[0]}.${parts[1]}`),
    { key: publicKey, dsaEncoding: 'ieee-p1363' },
    signature,
  );
  if (!signed) return { problem: 'JWT signature does not verify against k' };
  if (claims.aud !== origin) return { problem: `JWT aud must be ${origin}` };
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now || claims.exp > now + 24 * 3600) {
    return { problem: 'JWT exp must be in the future and within 24 hours' };
  }
  if (typeof claims.sub !== 'string' || !/^(mailto:|https:)/.test(claims.sub)) {
    return { problem: 'JWT sub must be a mailto: or https: contact' };
  }
  return { claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub }, key };
}

function hmac(key: Buffer, ...data: Buffer[]): Buffer {
  const mac = createHmac('sha256', key);
  data.forEach((part) => mac.update(part));
  return mac.digest();
}

/** HKDF with one output block (RFC 5869), which is all RFC 8291 needs. */
function hkdf(salt: Buffer, ikm: Buffer, info: Buffer, length: number): Buffer {
  return hmac(hmac(salt, ikm), info, Buffer.from([1])).subarray(0, length);
}

/** RFC 8291 / RFC 8188 decryption, as the browser does it with its subscription's keys. */
export function decryptAes128gcm(
  body: Buffer,
  ecdh: ReturnType<typeof createECDH>,
  auth: Buffer,
): Buffer {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const senderKey = body.subarray(21, 21 + idLength);
  if (idLength !== 65) throw new Error('keyid must be the sender’s 65-byte public key');
  const records = body.subarray(21 + idLength);
  if (records.length > recordSize) throw new Error('more than one record');
  const userPublic = ecdh.getPublicKey();
  const secret = ecdh.computeSecret(senderKey);
  const ikm = hkdf(
    auth,
    secret,
    Buffer.concat([Buffer.from('WebPush: info\0'), userPublic, senderKey]),
    32,
  );
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(records.subarray(records.length - 16));
  const padded = Buffer.concat([
    decipher.update(records.subarray(0, records.length - 16)),
    decipher.final(),
  ]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (end < 0 || padded[end] !== 2) throw new Error('last record must end with the 0x02 delimiter');
  return padded.subarray(0, end);
}

/** The sender's side of RFC 8291, for checking the decryption above against itself. */
export function encryptAes128gcm(plaintext: Buffer, subscription: BrowserSubscription): Buffer {
  const userPublic = Buffer.from(subscription.keys.p256dh, 'base64url');
  const auth = Buffer.from(subscription.keys.auth, 'base64url');
  const sender = createECDH('prime256v1');
  sender.generateKeys();
  const senderKey = sender.getPublicKey();
  const salt = randomBytes(16);
  const ikm = hkdf(
    auth,
    sender.computeSecret(userPublic),
    Buffer.concat([Buffer.from('WebPush: info\0'), userPublic, senderKey]),
    32,
  );
  const cek = hkdf(salt, ikm, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const nonce = hkdf(salt, ikm, Buffer.from('Content-Encoding: nonce\0'), 12);
  const cipher = createCipheriv('aes-128-gcm', cek, nonce);
  const records = Buffer.concat([
    cipher.update(Buffer.concat([plaintext, Buffer.from([2])])),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const head = Buffer.alloc(21);
  salt.copy(head);
  head.writeUInt32BE(4096, 16);
  head[20] = senderKey.length;
  return Buffer.concat([head, senderKey, records]);
}
