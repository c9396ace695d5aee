import { DestroyRef, inject, Injectable, signal } from '@angular/core';
import { AdminApi, ApiError, NO_ANSWER } from '../api/admin-api';
import type { Messages } from '../i18n/messages';
import { DeskFeed } from './desk-feed';
import { type Feedback, feedback } from './feedback';

/** The snackbar at the bottom: an undo offer after a removal, or the outcome of a recall. */
export interface Toast extends Feedback {
  number: number;
  /** Undo is offered (until it is used or the toast goes). */
  undoable: boolean;
  /** How long the toast stays, ms (for its progress bar). */
  duration: number;
}

/** How long "Order 42 removed · Undo" stays. The order stays recallable for much longer. */
export const UNDO_MS = 8000;
/** How long a plain outcome message stays in the snackbar. */
export const NOTE_MS = 4000;

/**
 * What staff do on the desk: add, remove (shown gone at once, with an undo offer), undo and
 * recall. Outcomes become {@link Feedback} for the keypad and {@link Toast}s for the snackbar.
 */
@Injectable()
export class DeskActions {
  private readonly api = inject(AdminApi);
  private readonly feed = inject(DeskFeed);
  private toastTimer: ReturnType<typeof setTimeout> | undefined;

  readonly adding = signal(false);
  /** The outcome of the last add, for the keypad. */
  readonly addFeedback = signal<Feedback | null>(null);
  readonly toast = signal<Toast | null>(null);
  /** Numbers with a recall on its way (their button waits). */
  readonly recalling = signal<ReadonlySet<number>>(new Set());

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.toastTimer));
  }

  /** Puts a number on the board; true when it is there (the keypad then clears). */
  async add(number: number): Promise<boolean> {
    if (this.adding()) return false;
    this.adding.set(true);
    this.addFeedback.set(null);
    try {
      const result = await this.api.addOrder(number);
      this.addFeedback.set(
        result.refreshed
          ? feedback('success', (t) => t.refreshed(number))
          : feedback('success', (t) => t.added(number)),
      );
      return true;
    } catch (error) {
      this.addFeedback.set(
        feedback('error', (t) =>
          error instanceof ApiError && error.status === 400 ? t.errRange : problemText(error, t),
        ),
      );
      return false;
    } finally {
      this.adding.set(false);
    }
  }

  clearAddFeedback(): void {
    this.addFeedback.set(null);
  }

  /** Takes an order off the board: gone from the list at once, undo offered. */
  async remove(number: number): Promise<void> {
    if (this.refuseWhileLost(number)) return;
    this.feed.hide(number);
    this.show({
      number,
      undoable: true,
      duration: UNDO_MS,
      tone: 'info',
      text: (t) => t.removed(number),
    });
    try {
      await this.api.removeOrder(number);
    } catch (error) {
      this.feed.unhide(number);
      if (error instanceof ApiError && error.status === 404) {
        this.note(number, 'info', (t) => t.errRemoveGone(number));
      } else {
        this.note(number, 'error', (t) => problemText(error, t));
      }
    }
  }

  /** Undo of the removal the snackbar offers. */
  async undo(): Promise<void> {
    const toast = this.toast();
    if (!toast?.undoable) return;
    await this.recall(toast.number);
  }

  /** Puts a recently removed order back on the board with a fresh timeout. */
  async recall(number: number): Promise<void> {
    if (this.recalling().has(number) || this.refuseWhileLost(number)) return;
    this.recalling.update((set) => new Set(set).add(number));
    const current = this.toast();
    if (current?.number === number && current.undoable) {
      this.toast.set({ ...current, undoable: false });
    }
    try {
      await this.api.recall(number);
      this.note(number, 'success', (t) => t.recalled(number));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        this.note(number, 'error', (t) => t.errRecallGone(number));
      } else if (error instanceof ApiError && error.status === 409) {
        this.note(number, 'info', (t) => t.errRecallActive(number));
      } else {
        this.note(number, 'error', (t) => problemText(error, t));
      }
    } finally {
      this.recalling.update((set) => {
        const next = new Set(set);
        next.delete(number);
        return next;
      });
    }
  }

  dismissToast(): void {
    clearTimeout(this.toastTimer);
    this.toast.set(null);
  }

  /**
   * Without a live connection nothing is tried (the banner says changes cannot be saved), so the
   * desk never shows an order gone, or an undo offer, for a change that did not happen.
   */
  private refuseWhileLost(number: number): boolean {
    if (!this.feed.lost()) return false;
    this.note(number, 'error', (t) => t.errOffline);
    return true;
  }

  private note(number: number, tone: Feedback['tone'], text: (t: Messages) => string): void {
    this.show({ number, undoable: false, duration: NOTE_MS, tone, text });
  }

  private show(toast: Omit<Toast, 'id'>): void {
    clearTimeout(this.toastTimer);
    const shown: Toast = { ...feedback(toast.tone, toast.text), ...toast };
    this.toast.set(shown);
    this.toastTimer = setTimeout(() => {
      if (this.toast() === shown || this.toast()?.id === shown.id) this.toast.set(null);
    }, toast.duration);
  }
}

/** A refused or failed request, in staff words. */
function problemText(error: unknown, t: Messages): string {
  if (!(error instanceof ApiError) || error.status === NO_ANSWER) return t.errOffline;
  if (error.status === 401) return t.sessionEnded;
  if (error.status >= 500) return t.errServer;
  return t.errRefused(error.message);
}
