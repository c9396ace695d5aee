import { io, type Socket } from 'socket.io-client';
import {
  ADMIN_NAMESPACE,
  ADMIN_ROUTES,
  ADMIN_SESSION_COOKIE,
  type AdminClientEvents,
  type AdminServerEvents,
} from '@hubble/contracts';

/**
 * Plays a staff member's browser against the real API: logs in, keeps the session cookie, sends
 * same-origin requests (Sec-Fetch-Site as a browser would) and opens the /admin feed.
 */
export class StaffClient {
  cookie: string | undefined;

  constructor(readonly baseUrl: string) {}

  /** Logs in with `token`; returns the response (the cookie is kept when it sets one). */
  async login(token: unknown, headers: Record<string, string> = {}): Promise<Response> {
    const response = await this.request('POST', ADMIN_ROUTES.login, { token }, headers);
    const setCookie = response.headers.get('set-cookie');
    const match = setCookie && new RegExp(`${ADMIN_SESSION_COOKIE}=([^;]+)`).exec(setCookie);
    if (match) this.cookie = `${ADMIN_SESSION_COOKIE}=${match[1]}`;
    return response;
  }

  request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return fetch(new URL(path, this.baseUrl), {
      method,
      redirect: 'manual',
      headers: {
        'sec-fetch-site': 'same-origin',
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(this.cookie && { cookie: this.cookie }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** Opens the /admin feed with this client's cookie (and optionally an Origin header). */
  connect(headers: Record<string, string> = {}): Socket<AdminServerEvents, AdminClientEvents> {
    return io(new URL(ADMIN_NAMESPACE, this.baseUrl).toString(), {
      transports: ['websocket'],
      reconnection: false,
      extraHeaders: { ...(this.cookie && { cookie: this.cookie }), ...headers },
    });
  }
}

/** Resolves with the first payload of `event` on `socket`, or rejects on connect_error. */
export function nextEvent<T>(socket: Socket, event: string, timeoutMs = 5000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No ${event} in ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
    socket.once('connect_error', (error: Error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
