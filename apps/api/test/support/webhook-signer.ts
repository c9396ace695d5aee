import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Plays Star Community: a key pair of its own, and signed webhook requests. */
export class WebhookSigner {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  /** Writes the public key to a temporary file, for STAR_COMMUNITY_PUBLIC_KEY_FILE. */
  writePublicKeyFile(): string {
    const file = join(mkdtempSync(join(tmpdir(), 'hubble-key-')), 'webhooks.key');
    writeFileSync(file, this.publicKeyPem);
    return file;
  }

  signature(body: string | Buffer): string {
    return sign('sha256', Buffer.from(body), this.privateKey).toString('base64');
  }

  /** POSTs `body` (sent byte for byte) with a valid signature unless one is given. */
  send(
    baseUrl: string,
    body: string | Buffer,
    headers: Record<string, string> = { 'x-signature': this.signature(body) },
  ): Promise<Response> {
    return fetch(new URL('/api/orders/webhook', baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  }

  /** Sends a signed `{"orderNumber": n}` and insists on 200. */
  async sendOrder(baseUrl: string, orderNumber: number): Promise<void> {
    const response = await this.send(baseUrl, JSON.stringify({ orderNumber }));
    if (response.status !== 200) {
      throw new Error(`Webhook for ${orderNumber}: ${response.status} ${await response.text()}`);
    }
  }
}
