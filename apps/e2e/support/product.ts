import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServerProcess } from '../../api/test/support/server-process';
import { WebhookSigner } from '../../api/test/support/webhook-signer';

/**
 * The built product (dist/apps/api/main.js serving dist/apps/board and dist/apps/admin) as a
 * child process with its own store, and Star Community's part: signed webhooks.
 */
export class Product {
  private constructor(
    readonly server: ServerProcess,
    private readonly signer: WebhookSigner,
    private readonly dataDir: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<Product> {
    const signer = new WebhookSigner();
    const dataDir = mkdtempSync(join(tmpdir(), 'hubble-e2e-'));
    const server = await ServerProcess.start({
      DATA_DIR: dataDir,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: signer.writePublicKeyFile(),
      ...env,
    });
    return new Product(server, signer, dataDir);
  }

  /**
   * The board's address on `localhost`: a secure context, so the service worker and
   * notifications work over plain HTTP (the server listens on 127.0.0.1).
   */
  get url(): string {
    return this.server.url.replace('127.0.0.1', 'localhost');
  }

  /** Sends a signed `{"orderNumber": n}` and resolves once the server answered 200. */
  sendOrder(number: number): Promise<void> {
    return this.signer.sendOrder(this.server.url, number);
  }

  /** Sends many orders, `batch` at a time in parallel (each still signed and answered 200). */
  async sendOrders(numbers: readonly number[], batch = 10): Promise<void> {
    for (let at = 0; at < numbers.length; at += batch) {
      await Promise.all(numbers.slice(at, at + batch).map((number) => this.sendOrder(number)));
    }
  }

  /** Sends a signed ScreenStateChangedWebhook `{"desiredState": state}`; insists on 200. */
  async sendScreenState(state: string): Promise<void> {
    const body = JSON.stringify({ desiredState: state });
    const response = await fetch(new URL('/api/screen-state/webhook', this.server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-signature': this.signer.signature(body) },
      body,
    });
    if (response.status !== 200) {
      throw new Error(`Screen state ${state}: ${response.status} ${await response.text()}`);
    }
  }

  async stop(): Promise<void> {
    await this.server.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
