import { createHmac, randomBytes } from 'node:crypto';

/** A new session id: 256 random bits, URL-safe. Only the client's cookie ever holds it. */
export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * What is stored for a session id. Keyed with the staff token, so changing ADMIN_TOKEN makes
 * every stored session unmatchable (all revoked) and the table alone opens nothing.
 */
export function sessionIdHash(adminToken: string, sessionId: string): string {
  return createHmac('sha256', adminToken).update(sessionId).digest('hex');
}

const DEVICES: [RegExp, string][] = [
  [/iPad/, 'iPad'],
  [/iPhone/, 'iPhone'],
  [/Android.*Mobile/, 'Android phone'],
  [/Android/, 'Android tablet'],
  [/Macintosh/, 'Mac'],
  [/Windows/, 'Windows'],
  [/CrOS/, 'Chromebook'],
  [/Linux/, 'Linux'],
];

/** A short, non-secret label for the audit trail: the kind of device and 4 random hex digits. */
export function sessionLabel(userAgent: string | undefined): string {
  const device = DEVICES.find(([pattern]) => pattern.test(userAgent ?? ''))?.[1] ?? 'Browser';
  return `${device} · ${randomBytes(2).toString('hex')}`;
}
