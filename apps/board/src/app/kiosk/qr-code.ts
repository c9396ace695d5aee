import { ChangeDetectionStrategy, Component, effect, input, signal } from '@angular/core';

/** Modules of white around the code, as the QR standard asks. */
const QUIET_ZONE = 4;

/**
 * A QR code for `text`, drawn as one SVG path (no inline script, no image URL: the CSP holds).
 * The encoder (`qrcode`) loads only here, on the kiosk, so the phone board never downloads it.
 */
@Component({
  selector: 'app-qr-code',
  template: `
    @if (code(); as code) {
      <svg
        [attr.viewBox]="'0 0 ' + code.size + ' ' + code.size"
        shape-rendering="crispEdges"
        role="img"
        [attr.aria-label]="label()"
      >
        <rect [attr.width]="code.size" [attr.height]="code.size" fill="#fff" />
        <path [attr.d]="code.path" fill="#000" />
      </svg>
    }
  `,
  styles: `
    :host {
      display: block;
      aspect-ratio: 1;
    }
    svg {
      display: block;
      width: 100%;
      height: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-text]': 'code()?.text' },
})
export class QrCode {
  readonly text = input.required<string>();
  /** What the code is, for screen readers. */
  readonly label = input.required<string>();
  protected readonly code = signal<{ text: string; size: number; path: string } | null>(null);

  constructor() {
    effect(() => {
      const text = this.text();
      void import('qrcode').then((loaded) => {
        if (text !== this.text()) return;
        // A CommonJS module: its exports arrive as the default export.
        const { create } = loaded.default;
        const { modules } = create(text, { errorCorrectionLevel: 'M' });
        let path = '';
        for (let row = 0; row < modules.size; row++) {
          for (let column = 0; column < modules.size; column++) {
            if (modules.get(row, column)) {
              path += `M${column + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`;
            }
          }
        }
        this.code.set({ text, size: modules.size + 2 * QUIET_ZONE, path });
      });
    });
  }
}
