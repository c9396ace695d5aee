import { axeViolations, screenshot } from '../support/browser';
import { browserSuite } from '../support/suite';

describe('the installable board (service worker, manifest)', () => {
  const suite = browserSuite();

  it('serves the manifest with its icons and the service worker files', async () => {
    const manifestResponse = await fetch(`${suite.product.url}/manifest.webmanifest`);
    expect(manifestResponse.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await manifestResponse.json()) as {
      name: string;
      short_name: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ short_name: 'Hubble', start_url: '/', display: 'standalone' });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(manifest.icons).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sizes: '192x192', type: 'image/png', purpose: 'any' }),
        expect.objectContaining({ sizes: '512x512', type: 'image/png', purpose: 'any' }),
        expect.objectContaining({ sizes: '512x512', type: 'image/png', purpose: 'maskable' }),
        expect.objectContaining({ type: 'image/svg+xml' }),
      ]),
    );
    for (const icon of manifest.icons) {
      const response = await fetch(new URL(icon.src, `${suite.product.url}/`));
      expect([icon.src, response.status, response.headers.get('content-type')]).toEqual([
        icon.src,
        200,
        icon.type,
      ]);
      if (icon.type === 'image/png') {
        const png = Buffer.from(await response.arrayBuffer());
        const [width, height] = icon.sizes.split('x').map(Number);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([width, height]);
      }
    }
    const ngsw = await fetch(`${suite.product.url}/ngsw.json?ngsw-cache-bust=1`);
    expect(ngsw.headers.get('content-type')).toMatch(/^application\/json/);
    const worker = await fetch(`${suite.product.url}/ngsw-worker.js`);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
  });

  it('is controlled by the service worker after a reload, which leaves the back-office alone', async () => {
    const board = await suite.openBoard();
    await board.serviceWorkerReady();
    // (The Angular worker claims open pages when it activates; a reload is the sure way.)
    const controller = () => navigator.serviceWorker.controller?.scriptURL ?? null;
    await board.page.reload();
    expect(await board.page.evaluate(controller)).toBe(`${suite.product.url}/ngsw-worker.js`);

    // /admin/ is in the worker's scope but not the board's: it must get the back-office's page
    // from the server, not the board's cached shell.
    await board.page.goto(`${suite.product.url}/admin/`);
    expect(await board.page.locator('base').getAttribute('href')).toBe('/admin/');
  });

  it('with the server stopped, a reload still shows the board and the last known orders', async () => {
    const board = await suite.openBoard();
    await board.appShellCached();
    await suite.product.sendOrder(31);
    await suite.product.sendOrder(32);
    await board.tile(32).waitFor();
    await board.tile(31).waitFor();

    await suite.product.server.stop();
    await board.page.reload();
    await board.heading.waitFor();
    expect(await board.heading.textContent()).toContain('Ready for pickup');
    expect(await board.numbers()).toEqual([31, 32]);
    await board.banner.waitFor();
    expect(await board.grid.getAttribute('class')).toContain('is-stale');
    expect(await board.headerOverlaps()).toEqual([]);
    expect(await axeViolations(board.page)).toEqual([]);
    await screenshot(board.page, 'board-360x640-offline');
  });
});
