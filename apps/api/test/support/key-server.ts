import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Stands in for Star Community's key endpoint (/.well-known/webhooks.key): serves a PEM. */
export class KeyServer {
  private pem: string;
  private server: Server | undefined;
  private port = 0;
  /** How many times the key was fetched. */
  fetches = 0;
  private failuresLeft = 0;

  constructor(pem: string) {
    this.pem = pem;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/.well-known/webhooks.key`;
  }

  serve(pem: string): void {
    this.pem = pem;
  }

  /** Answers the next `count` fetches 503 (a key server that is briefly down), then the key. */
  failNext(count: number): void {
    this.failuresLeft = count;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      this.fetches++;
      if (this.failuresLeft > 0) {
        this.failuresLeft--;
        response.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/x-pem-file' });
      response.end(this.pem);
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  }
}
