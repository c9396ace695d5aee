import { ExpressAdapter } from '@nestjs/platform-express';

/**
 * Nest's Express adapter, saying when the app has begun to close: from then on Nest answers new
 * requests 503 (return503OnClosing), and so must anything that takes requests ahead of it.
 */
export class ClosingExpressAdapter extends ExpressAdapter {
  private closingNow = false;

  get closing(): boolean {
    return this.closingNow;
  }

  override beforeClose(): void {
    this.closingNow = true;
    super.beforeClose();
  }
}
