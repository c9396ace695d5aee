import { SCREEN_STATE_ROUTES, type ScreenStateDto } from '@hubble/contracts';
import { axeViolations, screenshot } from '../support/browser';
import { DeskPage } from '../support/desk-page';
import { browserSuite } from '../support/suite';

const TOKEN = 'e2e-screen-state-token-0123456789';

describe('the desk sets the screens: state always in view, evacuation confirmed', () => {
  const suite = browserSuite({ ADMIN_TOKEN: TOKEN });

  const stored = async () =>
    (
      (await (
        await fetch(new URL(SCREEN_STATE_ROUTES.current, suite.product.url))
      ).json()) as ScreenStateDto
    ).state;

  it('sets last call at once; starts and ends an evacuation only after confirming', async () => {
    const context = await suite.newContext({ viewport: { width: 390, height: 844 } });
    const desk = new DeskPage(await context.newPage(), suite.product.url);
    await desk.open();
    await desk.loginScreen();
    await desk.logIn(TOKEN);
    await desk.live();
    const { page } = desk;
    const board = await suite.openBoard('/?lang=en');
    const pill = page.locator('app-desk .screen-state');
    await pill.filter({ hasText: 'Screens: Open' }).waitFor();

    await page.getByRole('button', { name: /^Last call!/ }).click();
    await pill.filter({ hasText: 'Screens: Last call!' }).waitFor();
    await board.page.locator('.state-banner', { hasText: 'Last call!' }).waitFor();
    expect(await stored()).toBe('last-call');

    // Starting an evacuation asks first; cancelling changes nothing.
    await page.getByRole('button', { name: /^Evacuation/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Start the evacuation?' });
    await dialog.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'desk-390x844-confirm-evacuation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await stored()).toBe('last-call');

    await page.getByRole('button', { name: /^Evacuation/ }).click();
    await dialog.getByRole('button', { name: 'Yes, start the evacuation' }).click();
    await pill.filter({ hasText: 'Screens: Evacuation' }).waitFor();
    await page.locator('.banner.evacuation-on[role="alert"]').waitFor();
    await board.page.locator('app-evacuation-alert [role="alert"]').waitFor();
    expect(await stored()).toBe('evacuation');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'desk-390x844-evacuation');

    // Ending it asks too.
    await page.getByRole('button', { name: /^Open/ }).click();
    const end = page.getByRole('dialog', { name: 'End the evacuation?' });
    await end.waitFor();
    await end.getByRole('button', { name: 'Yes, end the evacuation' }).click();
    await pill.filter({ hasText: 'Screens: Open' }).waitFor();
    await board.page.locator('app-evacuation-alert').waitFor({ state: 'detached' });
    expect(await stored()).toBe('open');

    // The audit trail names it.
    await page.locator('app-activity-log', { hasText: 'STARTED AN EVACUATION' }).waitFor();
  });

  it('follows a change from Star Community at once', async () => {
    const context = await suite.newContext({ viewport: { width: 1024, height: 768 } });
    const desk = new DeskPage(await context.newPage(), suite.product.url);
    await desk.open();
    await desk.loginScreen();
    await desk.logIn(TOKEN);
    await desk.live();
    await suite.product.sendScreenState('closed');
    await desk.page.locator('app-desk .screen-state', { hasText: 'Screens: Closed' }).waitFor();
    expect(
      await desk.page.getByRole('button', { name: /^Closed/ }).getAttribute('aria-pressed'),
    ).toBe('true');
    expect(await axeViolations(desk.page)).toEqual([]);
    await screenshot(desk.page, 'desk-1024x768-closed');
  });
});
