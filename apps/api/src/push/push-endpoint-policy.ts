import { isIP } from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);
const MAX_ENDPOINT_LENGTH = 1024;

/**
 * Whether the server may send to `endpoint`. Strangers hand us these URLs, so only the listed
 * push services are reachable: `https` on a listed host (`*.domain` for its subdomains) and the
 * default port, or `http` on a listed loopback host (tests, development). Returns why not, or null.
 * Literal IP addresses are refused unless loopback and listed, so a private or link-local
 * address can never be reached, whatever is listed.
 */
export function endpointRefusal(endpoint: string, allowedHosts: readonly string[]): string | null {
  if (endpoint.length > MAX_ENDPOINT_LENGTH) {
    return `subscription.endpoint must be at most ${MAX_ENDPOINT_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'subscription.endpoint must be an https URL';
  }
  if (url.username || url.password) {
    return 'subscription.endpoint must not contain a user name or password';
  }
  const host = url.hostname.toLowerCase();
  const hostWithPort = url.port ? `${host}:${url.port}` : host;
  const loopback = LOOPBACK_NAMES.has(host);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return 'subscription.endpoint must be an https URL of a browser push service';
  }
  if (!loopback && (isIP(host.replace(/^\[|\]$/g, '')) !== 0 || url.port !== '')) {
    return 'subscription.endpoint must be on a push service host, not an IP address or port';
  }
  const listed = allowedHosts.some((pattern) =>
    pattern.startsWith('*.')
      ? !pattern.includes(':') &&
        host.endsWith(pattern.slice(1)) &&
        host.length > pattern.length - 1
      : pattern === hostWithPort || (!url.port && pattern === host),
  );
  return listed
    ? null
    : 'subscription.endpoint is not on a known push service (PUSH_SERVICE_HOSTS)';
}

/** An endpoint as it may appear in a log line: the push service's host, never the personal path. */
export function endpointForLog(endpoint: string): string {
  try {
    return `${new URL(endpoint).host}/…`;
  } catch {
    return '(unparsable endpoint)';
  }
}
