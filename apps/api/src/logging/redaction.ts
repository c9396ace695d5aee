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
 * its query: never log them. Routes are case-sensitive
 * (only `/login/` logs in), but the log hides everything after `login` in any casing, escaping
 * or number of slashes, so no spelling of the link leaks a token.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const path = url.split(/[?#]/, 1)[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: judge the raw path.
  }
  if (/^[/\\]+auth[/\\]+oidc[/\\]+callback([/\\]|$)/i.test(decoded)) {
    return url.length > path.length ? `${path}?[redacted]` : url;
  }
  if (!/^[/\\]+login([/\\]|$)/i.test(decoded)) return url;
  return `/login/[redacted]${url.slice(path.length)}`;
}
