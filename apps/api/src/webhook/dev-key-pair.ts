// Runs under the API build and directly under Node's type stripping (tools/webhook): keep the
// syntax erasable and the imports to node: built-ins.
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const DEV_PUBLIC_KEY_FILE = 'star-community-dev.public.pem';
export const DEV_PRIVATE_KEY_FILE = 'star-community-dev.private.pem';

export interface DevKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

/**
 * The development stand-in for Star Community's signing key: generated on first use into `dir`
 * (git-ignored, never committed), then reused. Written atomically so the server and the webhook
 * tool can race to create it.
 */
export function ensureDevKeyPair(dir: string): DevKeyPair {
  const publicPath = join(dir, DEV_PUBLIC_KEY_FILE);
  const privatePath = join(dir, DEV_PRIVATE_KEY_FILE);
  if (!existsSync(publicPath) || !existsSync(privatePath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const suffix = `.${process.pid}.tmp`;
    writeFileSync(privatePath + suffix, privateKey, { mode: 0o600 });
    writeFileSync(publicPath + suffix, publicKey);
    renameSync(privatePath + suffix, privatePath);
    renameSync(publicPath + suffix, publicPath);
  }
  return {
    publicKeyPem: readFileSync(publicPath, 'utf8'),
    privateKeyPem: readFileSync(privatePath, 'utf8'),
  };
}
