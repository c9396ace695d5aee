import type { AddressInfo } from 'node:net';
import express from 'express';
import { securityHeaders } from './security-headers';

async function cspOf(imageUrls: (string | undefined)[]): Promise<string> {
  const app = express();
  app.use(securityHeaders(["'none'"], imageUrls));
  app.get('/', (_request, response) => void response.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`);
    return response.headers.get('content-security-policy') ?? '';
  } finally {
    server.close();
  }
}

describe('security headers', () => {
  it("allows images only from our origin unless the café's brand images live elsewhere", async () => {
    const plain = await cspOf([undefined, '/api/branding/logo']);
    expect(plain).toContain("img-src 'self' data: blob:;");

    const branded = await cspOf([
      'https://cafe.example.org/logo.svg',
      'https://cafe.example.org/favicon.png',
    ]);
    expect(branded).toContain("img-src 'self' data: blob: https://cafe.example.org;");
    expect(branded).toContain("script-src 'self';");
  });
});
