import { createECDH } from 'node:crypto';
import {
  checkOrderNumber,
  PUSH_LANGS,
  type PushLang,
  type PushSubscriptionRequest,
} from '@hubble/contracts';
import { endpointRefusal } from './push-endpoint-policy';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The browser's P-256 public key: 65 bytes, an uncompressed point that really is on the curve. */
function validP256dh(text: string): boolean {
  if (!BASE64URL.test(text) || text.length > 100) return false;
  const key = Buffer.from(text, 'base64url');
  if (key.length !== 65 || key[0] !== 0x04) return false;
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(key);
    return true;
  } catch {
    return false;
  }
}

function validAuth(text: string): boolean {
  return BASE64URL.test(text) && text.length <= 32 && Buffer.from(text, 'base64url').length === 16;
}

/** Checks a POST /api/push/subscriptions body; nothing is stored or sent for a refused one. */
export function parseSubscriptionRequest(
  body: unknown,
  allowedHosts: readonly string[],
): Parsed<PushSubscriptionRequest> {
  if (!isObject(body)) return { ok: false, error: 'The body must be a JSON object' };
  const number = checkOrderNumber(body['orderNumber']);
  if (!number.ok) return number;
  const lang = body['lang'];
  if (typeof lang !== 'string' || !(PUSH_LANGS as readonly string[]).includes(lang)) {
    return { ok: false, error: `lang must be one of ${PUSH_LANGS.join(', ')}` };
  }
  const subscription = body['subscription'];
  if (!isObject(subscription)) {
    return { ok: false, error: 'subscription must be an object {endpoint, keys: {p256dh, auth}}' };
  }
  const endpoint = parseEndpoint(subscription, allowedHosts);
  if (!endpoint.ok) return endpoint;
  const keys = subscription['keys'];
  if (!isObject(keys)) return { ok: false, error: 'subscription.keys must be {p256dh, auth}' };
  const { p256dh, auth } = keys;
  if (typeof p256dh !== 'string' || !validP256dh(p256dh)) {
    return {
      ok: false,
      error: 'subscription.keys.p256dh must be a P-256 public key (65 bytes, base64url)',
    };
  }
  if (typeof auth !== 'string' || !validAuth(auth)) {
    return { ok: false, error: 'subscription.keys.auth must be 16 bytes in base64url' };
  }
  return {
    ok: true,
    value: {
      orderNumber: number.value,
      lang: lang as PushLang,
      subscription: { endpoint: endpoint.value, keys: { p256dh, auth } },
    },
  };
}

/** Checks a DELETE /api/push/subscriptions body ({endpoint}). */
export function parseUnsubscribeRequest(
  body: unknown,
  allowedHosts: readonly string[],
): Parsed<string> {
  if (!isObject(body)) return { ok: false, error: 'The body must be a JSON object {endpoint}' };
  return parseEndpoint(body, allowedHosts);
}

function parseEndpoint(
  holder: Record<string, unknown>,
  allowedHosts: readonly string[],
): Parsed<string> {
  const endpoint = holder['endpoint'];
  if (typeof endpoint !== 'string') return { ok: false, error: 'endpoint must be a string' };
  const refusal = endpointRefusal(endpoint, allowedHosts);
  return refusal === null ? { ok: true, value: endpoint } : { ok: false, error: refusal };
}
