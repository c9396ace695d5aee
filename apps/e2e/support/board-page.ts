import type { Locator, Page } from 'playwright-core';

/** What the tests read and do on the board, by its visible structure and roles. */
export class BoardPage {
  constructor(readonly page: Page) {}

  tile(number: number): Locator {
    return this.page.locator(`li.tile[data-number="${number}"]`);
  }

  /** The numbers on the board, top to bottom, left to right. */
  numbers(): Promise<number[]> {
    return this.page
      .locator('li.tile')
      .evaluateAll((tiles) => tiles.map((tile) => Number((tile as HTMLElement).dataset['number'])));
  }

  get banner(): Locator {
    return this.page.locator('p.banner[role="status"]');
  }

  get grid(): Locator {
    return this.page.locator('ol.grid');
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Waits until the feed is live (a snapshot of the current connection is applied). */
  async live(): Promise<void> {
    await this.page.locator('.connection[data-status="live"]').waitFor();
  }

  async follow(number: number): Promise<void> {
    await this.page.getByLabel('Number on your receipt').fill(String(number));
    await this.page.getByRole('button', { name: 'Follow', exact: true }).click();
    await this.page.locator('#follow-number').waitFor();
  }

  /** Resolves once a service worker is active for the page's scope. */
  async serviceWorkerReady(): Promise<void> {
    await this.page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  }
}
