import type { Locator, Page } from 'playwright-core';

/** What the tests read and do on the staff back-office (/admin/), by its roles and labels. */
export class DeskPage {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  get url(): string {
    return `${this.baseUrl}/admin/`;
  }

  async open(): Promise<void> {
    await this.page.goto(this.url);
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get tokenField(): Locator {
    return this.page.locator('#login-token');
  }

  /** The login form's error line. */
  get loginError(): Locator {
    return this.page.locator('#login-error');
  }

  /** The notice above the login form (logged out, link refused, …). */
  get loginNotice(): Locator {
    return this.page.locator('.notice');
  }

  /** Resolves once the login screen shows. */
  async loginScreen(): Promise<void> {
    await this.tokenField.waitFor();
  }

  /** Fills the token and submits with Enter (the same in every language). */
  async logIn(token: string): Promise<void> {
    await this.tokenField.fill(token);
    await this.tokenField.press('Enter');
  }

  /** The number in the keypad's field, once the view shows `expected`. */
  async enteredNumber(expected: string): Promise<string> {
    await this.page
      .waitForFunction(
        (text) => document.querySelector<HTMLInputElement>('#order-number')?.value === text,
        expected,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    return this.page.locator('#order-number').inputValue();
  }

  /** Resolves once the desk is open and its feed is live. */
  async live(): Promise<void> {
    await this.page.locator('app-desk .status[data-status="live"]').waitFor();
  }

  /** The header's logout button: it only asks (see {@link logOut}). */
  get logOutButton(): Locator {
    return this.page.getByRole('button', { name: 'Log out', exact: true });
  }

  /** The dialog the logout button opens. */
  get logOutDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Log out of the desk?' });
  }

  /** Logs out: the header's button, then "Yes, log out" in its dialog. */
  async logOut(): Promise<void> {
    await this.logOutButton.click();
    await this.logOutDialog.getByRole('button', { name: 'Yes, log out' }).click();
  }

  key(label: string): Locator {
    return this.page.getByRole('group', { name: 'Order number' }).getByRole('button', {
      name: label,
      exact: true,
    });
  }

  get addButton(): Locator {
    return this.page.getByRole('button', { name: 'Add', exact: true });
  }

  /** Taps the digits of `number` on the keypad (does not press Add). */
  async tap(number: number): Promise<void> {
    for (const digit of String(number)) await this.key(digit).click();
  }

  /** The keypad's live feedback line. */
  get feedback(): Locator {
    return this.page.locator('#keypad-message');
  }

  /** The tile of an active order (tapping it removes the order): "Remove order 42, 4:58 left, …". */
  order(number: number): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^Remove order ${number}\\b`) });
  }

  /** The active orders on the desk, in list order. */
  numbers(): Promise<number[]> {
    return this.page
      .locator('app-order-list [data-order]')
      .evaluateAll((tiles) => tiles.map((tile) => Number((tile as HTMLElement).dataset['order'])));
  }

  get snackbar(): Locator {
    return this.page.locator('app-undo-snackbar .bar');
  }

  get undo(): Locator {
    return this.snackbar.getByRole('button', { name: /^Undo/ });
  }

  recall(number: number): Locator {
    return this.page.getByRole('button', { name: `Put back order ${number}`, exact: true });
  }

  get activity(): Locator {
    return this.page.locator('app-activity-log li');
  }

  /** The Aurora badge of an active order. */
  aurora(number: number): Locator {
    return this.order(number).locator('.aurora');
  }
}
