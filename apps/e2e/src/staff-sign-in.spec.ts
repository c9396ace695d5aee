import type { Page } from 'playwright-core';
import { ADMIN_ROUTES } from '@hubble/contracts';
import { freePort } from '../../api/test/support/free-port';
import { TestProvider } from '../../api/test/support/oidc/test-provider';
import { axeViolations, screenshot } from '../support/browser';
import { DeskPage } from '../support/desk-page';
import { browserSuite } from '../support/suite';

const TOKEN = 'e2e-staff-token-0123456789';
const ADA = 'Ada Lovelace (ada@hubble.test)';

describe('staff sign-in with OpenID Connect, in Chromium', () => {
  // The provider (oidc-provider on 127.0.0.1, another site) starts first and registers our
  // callback on the port the product will listen on.
  let provider: TestProvider;
  const env: Record<string, string> = { ADMIN_TOKEN: TOKEN };
  beforeAll(async () => {
    const port = await freePort();
    provider = await TestProvider.start(`http://localhost:${port}`);
    Object.assign(env, provider.env(), { PORT: String(port) });
  });
  const suite = browserSuite(env);
  afterAll(async () => {
    await provider?.stop();
  });

  /** On a tablet: the header shows who is signed in from 768 px wide. */
  async function openDesk(): Promise<DeskPage> {
    const context = await suite.newContext({ viewport: { width: 1024, height: 768 } });
    const desk = new DeskPage(await context.newPage(), suite.product.url);
    await desk.open();
    return desk;
  }

  const providerButton = (page: Page) =>
    page.getByRole('link', { name: 'Sign in with Hubble Test ID' });

  /** Fills in the provider's own (development) sign-in page. */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  }

  async function sessionStatus(page: Page): Promise<number> {
    return (await page.request.get(`${suite.product.url}${ADMIN_ROUTES.session}`)).status();
  }

  it('signs a member in on the provider, names them on the desk and in the audit, logs out of both', async () => {
    const desk = await openDesk();
    await providerButton(desk.page).waitFor();
    await desk.loginScreen(); // the token stays for the kitchen tablet
    expect(await axeViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'staff-sign-in-login-1024x768');

    await providerButton(desk.page).click();
    await signInAtProvider(desk.page, 'ada');
    await desk.page.waitForURL(`${suite.product.url}/admin/`);
    await desk.live();
    await desk.page
      .locator('.device')
      .filter({ hasText: `Signed in: ${ADA}` })
      .waitFor();

    await desk.tap(321);
    await desk.addButton.click();
    await desk.order(321).waitFor();
    await desk.activity.filter({ hasText: 'added 321' }).filter({ hasText: ADA }).waitFor();

    // Who is signed in: this session, by name.
    await desk.page.getByRole('button', { name: 'Show who is signed in' }).click();
    await desk.page.locator('app-staff-sessions li').filter({ hasText: ADA }).waitFor();

    // Logout ends our session, then the provider's (its confirmation page), and comes back.
    await desk.logOut();
    await desk.page.waitForURL((url) => url.origin === provider.issuer);
    expect(await sessionStatus(desk.page)).toBe(401);
    await desk.page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await desk.page.waitForURL(`${suite.product.url}/admin/`);
    await providerButton(desk.page).waitFor();
    // The provider forgot her too: signing in asks for the account again.
    await providerButton(desk.page).click();
    await desk.page.locator('input[name="login"]').waitFor();
  });

  it('shows a non-member the refusal page, with no session', async () => {
    const desk = await openDesk();
    await providerButton(desk.page).click();
    await signInAtProvider(desk.page, 'bob');
    await desk.page
      .locator('#problem')
      .filter({
        hasText:
          'You are signed in as Bob Outsider (bob@hubble.test) but not allowed here; ask whoever manages',
      })
      .waitFor();
    expect(await sessionStatus(desk.page)).toBe(401);
    await desk.page.getByRole('link', { name: 'Back to the login screen' }).click();
    await providerButton(desk.page).waitFor();
  });
});
