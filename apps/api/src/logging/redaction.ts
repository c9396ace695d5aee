/** Log paths that may hold a secret; pino replaces their values with "[redacted]". */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-signature"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'token',
  '*.token',
];

/**
 * The staff login link carries the token in its path, the sign-in callback a code and state in
 * its query: never log them.
 */
export function redactUrl(url: string | undefined): string | undefined {
  return url
    ?.replace(/^\/login\/[^/?#]*/, '/login/[redacted]')
    .replace(/^(\/auth\/oidc\/callback)\?.*/s, '$1?[redacted]');
}
