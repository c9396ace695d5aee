import { BoardPage } from '../support/board-page';
import { axeViolations, screenshot } from '../support/browser';
import { DeskPage } from '../support/desk-page';
import { recordNotifications, settledNotification } from '../support/notifications';
import { browserSuite } from '../support/suite';

const BRAND = {
  BRAND_NAME: 'Café De Zwaan',
  BRAND_PRIMARY_COLOR: '#7a1f5c',
  BRAND_ACCENT_COLOR: '#ffcc00',
  BRAND_LOGO_URL: '/icons/icon.svg',
  BRAND_FAVICON_URL: '/icons/icon-192.png',
};

describe('run-time branding (BRAND_* set)', () => {
  const suite = browserSuite({ ...BRAND, ADMIN_TOKEN: 'e2e-branding-token-0123456789' });

  it.each([
    ['board-360x640', '/', { width: 360, height: 640 }],
    ['kiosk-1920x1080', '/?mode=kiosk', { width: 1920, height: 1080 }],
  ] as const)(
    '%s: header, title, theme colour, favicon and manifest follow them',
    async (name, path, viewport) => {
      // One page for both screens, loaded afresh at each size.
      const context = await suite.sharedContext('screens');
      const page = context.pages()[0] ?? (await context.newPage());
      await page.setViewportSize(viewport);
      await page.goto(new URL(path, suite.product.url).href);
      await new BoardPage(page).live();
      await page.locator('.brand-name', { hasText: 'Café De Zwaan' }).waitFor();
      const looks = await page.evaluate(() => {
        const bar = getComputedStyle(document.querySelector('.bar')!);
        return {
          title: document.title,
          themeColors: [...document.querySelectorAll('meta[name="theme-color"]')].map((m) =>
            m.getAttribute('content'),
          ),
          favicon: document.querySelector('link[rel="icon"]')!.getAttribute('href'),
          logo: document.querySelector('.brand img.logo')?.getAttribute('src'),
          barBackground: bar.backgroundColor,
          barText: bar.color,
          manifestHref: document.querySelector<HTMLLinkElement>('link[rel="manifest"]')!.href,
          // A long name wraps before the connection state, never runs under it.
          nameFits:
            document.querySelector('.brand-name')!.getBoundingClientRect().right <=
            document.querySelector('.tools')!.getBoundingClientRect().left,
        };
      });
      expect(looks).toMatchObject({
        title: 'Café De Zwaan: orders ready',
        themeColors: ['#7a1f5c', '#7a1f5c'],
        favicon: '/icons/icon-192.png',
        logo: '/icons/icon.svg',
        barBackground: 'rgb(122, 31, 92)',
        barText: 'rgb(255, 255, 255)',
        nameFits: true,
      });
      const manifest = (await (await fetch(looks.manifestHref)).json()) as Record<string, unknown>;
      expect(manifest).toMatchObject({
        name: 'Café De Zwaan: orders ready',
        short_name: 'Café De',
        theme_color: '#7a1f5c',
        icons: [expect.objectContaining({ src: '/icons/icon.svg', type: 'image/svg+xml' })],
      });
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, `${name}-branded`);
    },
  );

  it("shows a followed order's notification with the café's name and logo", async () => {
    const context = await suite.newContext();
    await context.grantPermissions(['notifications'], { origin: suite.product.url });
    await recordNotifications(context);
    const board = new BoardPage(await context.newPage());
    await board.page.goto(suite.product.url);
    await board.live();
    await board.serviceWorkerReady();
    await board.follow(31);
    await board.page.getByText('Notifications on').waitFor();

    await suite.product.sendOrder(31);
    // First the order on the board (so a failure says which step), then its notification.
    await board.tile(31).waitFor({ timeout: 30_000 });
    expect(await settledNotification(board.page, 'order-31')).toMatchObject({
      title: 'Café De Zwaan: Your order is ready',
      icon: `${suite.product.url}/icons/icon.svg`,
      outcome: 'shown',
    });
  });

  it('keeps the look in Dutch (title) and on the back-office', async () => {
    const board = await suite.openBoard('/?lang=nl');
    await board.page.waitForFunction(() => document.title === 'Café De Zwaan: bestellingen klaar');
    const context = await suite.newContext({ viewport: { width: 1024, height: 768 } });
    const desk = new DeskPage(await context.newPage(), suite.product.url);
    await desk.open();
    await desk.loginScreen();
    await desk.page.waitForFunction(() => document.title === 'Café De Zwaan back-office');
    expect(await axeViolations(desk.page)).toEqual([]);
    await desk.logIn('e2e-branding-token-0123456789');
    await desk.live();
    const bar = await desk.page.evaluate(
      () => getComputedStyle(document.querySelector('app-desk .bar')!).backgroundColor,
    );
    expect(bar).toBe('rgb(122, 31, 92)');
    expect(await axeViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'desk-1024x768-branded');
  });
});
