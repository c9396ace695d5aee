import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  DOCUMENT,
  type ElementRef,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { I18n } from '../../i18n/i18n';
import type { Toast } from '../desk-actions';

/**
 * The snackbar: "Order 42 removed · Undo" for a few seconds after a tap, or the outcome of an
 * undo or recall. A polite live region, so screen readers hear it without losing their place.
 * While it shows, its height is published on the root as `--undo-space` (the desk pads its end
 * and the page its scroll padding with it), so it never covers the last order.
 */
@Component({
  selector: 'app-undo-snackbar',
  template: `
    <div #region class="region" role="status" aria-live="polite" aria-atomic="true">
      @if (toast(); as toast) {
        <div class="bar" [attr.data-tone]="toast.tone" [attr.data-id]="toast.id">
          <p class="text">{{ toast.text(t()) }}</p>
          @if (toast.undoable) {
            <button
              type="button"
              class="undo"
              [attr.aria-label]="t().undoOrder(toast.number)"
              (click)="undo.emit()"
            >
              {{ t().undo }}
            </button>
          }
          <button
            type="button"
            class="close"
            [attr.aria-label]="t().dismiss"
            [title]="t().dismiss"
            (click)="dismiss.emit()"
          >
            <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
              <path
                d="M6 6l12 12M18 6L6 18"
                stroke="currentColor"
                stroke-width="2.4"
                stroke-linecap="round"
              />
            </svg>
          </button>
          @for (id of [toast.id]; track id) {
            <span
              class="timer"
              aria-hidden="true"
              [style.animation-duration.ms]="toast.duration"
            ></span>
          }
        </div>
      }
    </div>
  `,
  styles: `
    .region {
      position: fixed;
      inset: auto 0 0 0;
      z-index: 10;
      display: grid;
      justify-items: center;
      padding: 0 0.75rem calc(0.75rem + env(safe-area-inset-bottom));
      pointer-events: none;
    }
    .bar {
      position: relative;
      display: flex;
      align-items: center;
      gap: 0.5rem;
      width: 100%;
      max-width: 30rem;
      padding: 0.5rem 0.5rem 0.5rem 1rem;
      overflow: hidden;
      color: var(--toast-fg);
      background: var(--toast-bg);
      border-radius: var(--radius);
      box-shadow: var(--shadow);
      pointer-events: auto;
      animation: rise 160ms ease-out;
    }
    .text {
      flex: 1 1 auto;
      margin: 0;
      font-weight: 600;
    }
    .bar[data-tone='error'] .text::before {
      content: '! ';
      color: var(--toast-warn);
    }
    .undo {
      min-height: 3rem;
      padding: 0 1rem;
      font-weight: 800;
      letter-spacing: 0.02em;
      text-transform: uppercase;
      color: var(--toast-accent);
      background: transparent;
      border: 2px solid currentColor;
      border-radius: 0.625rem;
      cursor: pointer;
    }
    .close {
      display: grid;
      place-items: center;
      width: 3rem;
      height: 3rem;
      color: inherit;
      background: transparent;
      border: 0;
      border-radius: 0.625rem;
      cursor: pointer;
    }
    .timer {
      position: absolute;
      inset: auto 0 0 0;
      height: 3px;
      background: var(--toast-accent);
      transform-origin: left;
      animation: drain linear forwards;
    }
    @keyframes drain {
      to {
        transform: scaleX(0);
      }
    }
    @keyframes rise {
      from {
        transform: translateY(1rem);
        opacity: 0;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .bar {
        animation: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UndoSnackbar {
  readonly toast = input<Toast | null>(null);
  readonly undo = output<void>();
  readonly dismiss = output<void>();
  protected readonly t = inject(I18n).t;
  private readonly region = viewChild.required<ElementRef<HTMLElement>>('region');

  constructor() {
    const root = inject(DOCUMENT).documentElement;
    let observer: ResizeObserver | undefined;
    afterNextRender(() => {
      if (typeof ResizeObserver === 'undefined') return;
      const region = this.region().nativeElement;
      observer = new ResizeObserver(() => {
        const height = region.querySelector('.bar') ? region.getBoundingClientRect().height : 0;
        root.style.setProperty('--undo-space', `${Math.ceil(height)}px`);
      });
      observer.observe(region);
    });
    inject(DestroyRef).onDestroy(() => {
      observer?.disconnect();
      root.style.removeProperty('--undo-space');
    });
  }
}
