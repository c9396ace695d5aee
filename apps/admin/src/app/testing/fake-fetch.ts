import { vi } from 'vitest';

export type Route = (body: unknown) => Response | Promise<Response>;

/** JSON response, as the API sends it. */
export function json(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** A NestJS-style error body. */
export function apiError(status: number, message: string, headers?: Record<string, string>) {
  return json(status, { statusCode: status, message, error: 'Error' }, headers);
}

/**
 * A stand-in for `fetch` in unit tests: answers "METHOD /path" from `routes` (404 otherwise) and
 * records every call. A route may throw to play a network failure.
 */
export function fakeFetch(routes: Record<string, Route> = {}) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path, body });
    const route = routes[`${method} ${path}`];
    if (!route) return apiError(404, `no route ${method} ${path}`);
    return route(body);
  });
  return { fetch: fn as unknown as typeof fetch, calls, routes };
}

/** What `fetch` throws when there is no network. */
export function offline(): never {
  throw new TypeError('Failed to fetch');
}
