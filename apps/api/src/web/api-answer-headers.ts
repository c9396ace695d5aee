import type { ServerResponse } from 'node:http';

/** One year, as the pages' HSTS (security-headers.ts). */
const HSTS = 'max-age=31536000';

/**
 * The security headers of an API answer written outside the pages' middleware (the signed order
 * webhook's lane): a fixed set, since a JSON answer needs no page policy. Nothing may render,
 * frame, sniff or cache it; HSTS when the request came over https.
 */
const API_ANSWER_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Cache-Control', 'no-store'],
];

export function setApiAnswerHeaders(response: ServerResponse, secure: boolean): void {
  for (const [name, value] of API_ANSWER_HEADERS) response.setHeader(name, value);
  if (secure) response.setHeader('Strict-Transport-Security', HSTS);
}
