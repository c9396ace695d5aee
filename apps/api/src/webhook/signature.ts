import { type KeyObject, verify } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'invalid';

/** Base64 of an RSA signature: 256 bytes for RSA-2048, 512 for RSA-4096. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MAX_SIGNATURE_CHARS = 1024;

/** Checks an `X-Signature` header: base64 RSA-SHA256 (PKCS#1 v1.5) over the raw body bytes. */
export function checkSignature(
  body: Buffer,
  header: string | string[] | undefined,
  key: KeyObject,
): SignatureCheck {
  if (header === undefined || header === '') return 'missing';
  if (Array.isArray(header)) return 'malformed';
  const text = header.trim();
  if (text.length > MAX_SIGNATURE_CHARS || text.length % 4 !== 0 || !BASE64.test(text)) {
    return 'malformed';
  }
  return verify('sha256', body, key, Buffer.from(text, 'base64')) ? 'valid' : 'invalid';
}
