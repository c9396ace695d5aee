import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  type ElementRef,
  inject,
  viewChild,
} from '@angular/core';
import { Alerts } from '../follow/alerts';
import { I18n } from '../i18n/i18n';
import { type Lang, MESSAGES } from '../i18n/messages';

/** Vibrate again this often while the alert stands (a phone in a pocket may miss one burst). */
const VIBRATE_AGAIN_MS = 8000;

/**
 * The evacuation alert: red, over the whole screen, in Dutch and English (the chosen language
 * first), announced at once (role=alert, assertive), with vibration and a notification where
 * allowed. It has no close button: only the café's state going back takes it away.
 */
@Component({
  selector: 'app-evacuation-alert',
  template: `
    <div class="evacuation" role="alert" aria-live="assertive" aria-atomic="true">
      <svg class="pictogram" viewBox="0 0 64 64" aria-hidden="true">
        <rect x="40" y="6" width="18" height="52" rx="2" class="door" />
        <circle cx="25" cy="10" r="5" />
        <path d="M22 18l-8 6v10M22 18l6 12 8 4M28 30l-6 12-8 10M28 30l4 12 6 10" class="body" />
        <path d="M4 56h30M28 50l6 6-6 6" class="arrow" />
      </svg>
      @for (block of blocks(); track block.lang) {
        <section [attr.lang]="block.lang" [class.secondary]="!$first">
          <h2 [attr.tabindex]="$first ? -1 : null" #heading>{{ block.t.evacuationTitle }}</h2>
          <p class="instruction">{{ block.t.evacuationText }}</p>
          <ul>
            @for (step of block.t.evacuationSteps; track step) {
              <li>{{ step }}</li>
            }
          </ul>
        </section>
      }
    </div>
  `,
  styleUrl: './evacuation-alert.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EvacuationAlert {
  private readonly i18n = inject(I18n);
  private readonly alerts = inject(Alerts);
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  protected readonly blocks = computed(() => {
    const first = this.i18n.lang();
    const second: Lang = first === 'nl' ? 'en' : 'nl';
    return [first, second].map((lang) => ({ lang, t: MESSAGES[lang] }));
  });

  constructor() {
    const ring = () => {
      this.alerts.vibrate([700, 200, 700, 200, 700]);
      this.alerts.beep('mine');
    };
    ring();
    const timer = setInterval(ring, VIBRATE_AGAIN_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
    const t = this.i18n.t();
    void this.alerts.notify(t.evacuationTitle, t.evacuationText, 'evacuation', this.i18n.lang());
    // Keyboard and screen-reader users land on the alert, not on what lies under it (inert).
    afterNextRender(() => this.heading()?.nativeElement.focus());
  }
}
