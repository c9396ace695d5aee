import { readdirSync, readFileSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';
import { WebhookSigner } from './support/webhook-signer';

const BUILT = join(import.meta.dirname, '../../../dist/apps');

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that shows the bytes as sent (fetch would decompress them behind our back). */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    httpGet(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    }).once('error', reject);
  });
}

function directives(headers: IncomingHttpHeaders): Map<string, string[]> {
  const csp = String(headers['content-security-policy'] ?? '');
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name!, values]),
  );
}

const boardJs = readdirSync(join(BUILT, 'board/browser')).find((name) =>
  /^main-.*\.js$/.test(name),
);

describe('the web surface: security headers, compression, robots.txt', () => {
  let store: TestStore;
  const servers: ServerProcess[] = [];
  let server: ServerProcess;

  const start = async (env: Record<string, string> = {}) => {
    const started = await ServerProcess.start({
      ...store.env,
      STAR_COMMUNITY_PUBLIC_KEY_FILE: new WebhookSigner().writePublicKeyFile(),
      ...env,
    });
    servers.push(started);
    return started;
  };

  beforeAll(async () => {
    store = await createTestStore('sqlite');
    server = await start();
  });

  afterAll(async () => {
    await Promise.all(servers.map((started) => started.stop()));
    await store?.dispose();
  });

  it.each(['/', '/admin/', '/api/orders', '/api/nothing-here', '/health'])(
    'puts the security headers on %s',
    async (path) => {
      const { headers } = await rawGet(`${server.url}${path}`);
      const csp = directives(headers);
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('connect-src')).toEqual(["'self'", `ws://${new URL(server.url).host}`]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(headers['x-frame-options']).toBe('DENY');
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('same-origin');
      expect(headers['permissions-policy']).toMatch(
        /camera=\(\).*microphone=\(\).*geolocation=\(\)/,
      );
      expect(headers['strict-transport-security']).toBeUndefined();
      expect(headers['x-powered-by']).toBeUndefined();
    },
  );

  it('sends HSTS only when the request came over https through the trusted proxy', async () => {
    const viaHttps = await rawGet(`${server.url}/`, { 'x-forwarded-proto': 'https' });
    expect(viaHttps.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(directives(viaHttps.headers).get('connect-src')).toContain(
      `wss://${new URL(server.url).host}`,
    );

    const untrusted = await start({ TRUST_PROXY: 'none' });
    const claimed = await rawGet(`${untrusted.url}/`, { 'x-forwarded-proto': 'https' });
    expect(claimed.headers['strict-transport-security']).toBeUndefined();
  });

  it('lets FRAME_ANCESTORS open the board to a signage system, never the back-office', async () => {
    const framed = await start({ FRAME_ANCESTORS: "'self' https://signage.example.org" });
    const board = await rawGet(`${framed.url}/`);
    expect(directives(board.headers).get('frame-ancestors')).toEqual([
      "'self'",
      'https://signage.example.org',
    ]);
    expect(board.headers['x-frame-options']).toBeUndefined();
    for (const path of ['/admin/', '/api/orders', '/login/x']) {
      const closed = await rawGet(`${framed.url}${path}`);
      expect(directives(closed.headers).get('frame-ancestors')).toEqual(["'none'"]);
      expect(closed.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('has no inline script in the built pages (the CSP would block it)', () => {
    for (const app of ['board', 'admin']) {
      const html = readFileSync(join(BUILT, app, 'browser/index.html'), 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc=/);
        expect(body!.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('answers the built JS brotli-compressed to "br, gzip", gzip to "gzip", plain to nothing', async () => {
    const url = `${server.url}/${boardJs}`;
    const original = readFileSync(join(BUILT, 'board/browser', boardJs!));

    const br = await rawGet(url, { 'accept-encoding': 'br, gzip' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toMatch(/immutable/);
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);

    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);

    const plain = await rawGet(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it.each(['/', '/admin/'])('compresses the HTML and CSS of %s too', async (path) => {
    const page = await rawGet(`${server.url}${path}`, { 'accept-encoding': 'br, gzip' });
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const html = brotliDecompressSync(page.body).toString();
    const css = /href="(styles-[^"]+\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const style = await rawGet(`${server.url}${path}${css}`, { 'accept-encoding': 'gzip, br' });
    expect(style.headers['content-encoding']).toMatch(/^(br|gzip)$/);
    expect(style.headers['content-type']).toMatch(/text\/css/);
  });

  it('answers /robots.txt as text: the board allowed, /admin and /api not', async () => {
    const response = await rawGet(`${server.url}/robots.txt`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    const rules = response.body.toString().split('\n');
    expect(rules).toEqual(
      expect.arrayContaining(['User-agent: *', 'Allow: /', 'Disallow: /admin/', 'Disallow: /api/']),
    );
  });
});
