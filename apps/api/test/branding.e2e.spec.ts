import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BRANDING_ROUTES, type BrandingDto, contrastRatio } from '@hubble/contracts';
import { ServerProcess } from './support/server-process';
import { createTestStore, type TestStore } from './support/stores';

describe('run-time branding', () => {
  let store: TestStore;
  const servers: ServerProcess[] = [];

  const start = async (env: Record<string, string> = {}) => {
    const server = await ServerProcess.start({ ...store.env, ...env });
    servers.push(server);
    return server;
  };
  const json = async <T>(url: string) => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return { body: (await response.json()) as T, response };
  };

  beforeAll(async () => {
    store = await createTestStore('sqlite');
  });

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });

  afterAll(async () => {
    await store?.dispose();
  });

  it('unset: the built-in name, no colours, the default manifest', async () => {
    const server = await start();
    const { body } = await json<BrandingDto>(`${server.url}${BRANDING_ROUTES.branding}`);
    expect(body).toEqual({
      name: 'Hubble café',
      shortName: 'Hubble',
      logoUrl: null,
      faviconUrl: null,
      primaryColor: null,
      primaryTextColor: null,
      accentColor: null,
      accentTextColor: null,
      publicUrl: null,
    });
    const manifest = await json<Record<string, unknown>>(`${server.url}/manifest.webmanifest`);
    expect(manifest.response.headers.get('content-type')).toMatch(/application\/manifest\+json/);
    expect(manifest.body).toMatchObject({
      name: 'Hubble café: orders ready',
      theme_color: '#1f5f8b',
      start_url: '/',
    });
    expect((manifest.body['icons'] as unknown[]).length).toBeGreaterThan(3);
  });

  it('set: name, colours with readable text, logo and favicon in the API and the manifest', async () => {
    const server = await start({
      BRAND_NAME: 'Café De Zwaan aan de Gracht',
      BRAND_PRIMARY_COLOR: '#7a1f5c',
      BRAND_ACCENT_COLOR: '#FFCC00',
      BRAND_LOGO_URL: 'https://cdn.example.org/zwaan.svg',
      BRAND_FAVICON_URL: '/brand/favicon.png',
      PUBLIC_URL: 'https://dezwaan.example/orders',
    });
    const { body } = await json<BrandingDto>(`${server.url}${BRANDING_ROUTES.branding}`);
    expect(body).toMatchObject({
      name: 'Café De Zwaan aan de Gracht',
      shortName: 'Café De',
      primaryColor: '#7a1f5c',
      primaryTextColor: '#ffffff',
      accentColor: '#ffcc00',
      accentTextColor: '#000000',
      logoUrl: 'https://cdn.example.org/zwaan.svg',
      faviconUrl: '/brand/favicon.png',
      publicUrl: 'https://dezwaan.example/orders',
    });
    expect(contrastRatio(body.primaryColor!, body.primaryTextColor!)).toBeGreaterThanOrEqual(4.5);
    const manifest = await json<Record<string, unknown>>(`${server.url}/manifest.webmanifest`);
    expect(manifest.response.headers.get('cache-control')).toBe('no-cache');
    expect(manifest.body).toMatchObject({
      name: 'Café De Zwaan aan de Gracht: orders ready',
      short_name: 'Café De',
      theme_color: '#7a1f5c',
      icons: [
        {
          src: 'https://cdn.example.org/zwaan.svg',
          sizes: 'any',
          type: 'image/svg+xml',
          purpose: 'any',
        },
      ],
    });
  });

  it('serves a logo dropped into DATA_DIR when BRAND_LOGO_URL is unset', async () => {
    mkdirSync(store.env.DATA_DIR, { recursive: true });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
    writeFileSync(join(store.env.DATA_DIR, 'brand-logo.svg'), svg);
    const server = await start();
    const { body } = await json<BrandingDto>(`${server.url}${BRANDING_ROUTES.branding}`);
    expect(body.logoUrl).toBe(BRANDING_ROUTES.logoFile);
    const logo = await fetch(`${server.url}${BRANDING_ROUTES.logoFile}`);
    expect(logo.status).toBe(200);
    expect(logo.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(await logo.text()).toBe(svg);
  });
});
