import { type KeyObject, verify } from 'node:crypto';

export type SignatureCheck = 'valid' | 'missing' | 'malformed' | 'invalid';

/** Base64 of an RSA signature: 256 bytes for RSA-2048, 512 for RSA-4096. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const MAX_SIGNATURE_CHARS = 1024;

/** The bytes of an `X-Signature` header, or why it cannot be one. */
export function decodeSignature(
  header: string | string[] | undefined,
): Buffer | 'missing' | 'malformed' {
  if (header === undefined || header === '') return 'missing';
  if (Array.isArray(header)) return 'malformed';
  const text = header.trim();
  if (text.length > MAX_SIGNATURE_CHARS || text.length % 4 !== 0 || !BASE64.test(text)) {
    return 'malformed';
  }
  return Buffer.from(text, 'base64');
}

/** Whether `signature` is an RSA-SHA256 (PKCS#1 v1.5) signature over `body` by one of `keys`. */
export function signedByAny(body: Buffer, signature: Buffer, keys: readonly KeyObject[]): boolean {
  return keys.some((key) => verify('sha256', body, key, signature));
}
