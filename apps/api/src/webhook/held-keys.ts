import type { KeyObject } from 'node:crypto';

/**
 * The public keys a signature may be made with: the current one and, for a grace period after a
 * new one arrived, the one before it (Star Community may still send webhooks signed with it).
 */
export class HeldKeys {
  private current: KeyObject | undefined;
  private previous: { key: KeyObject; validUntil: number } | undefined;

  constructor(private readonly graceMs: number) {}

  /** Takes `key` as the current key; returns whether it is a new one. */
  take(key: KeyObject, now: number): boolean {
    if (this.current?.equals(key)) return false;
    this.previous =
      this.current && this.graceMs > 0
        ? { key: this.current, validUntil: now + this.graceMs }
        : undefined;
    this.current = key;
    return true;
  }

  latest(): KeyObject | undefined {
    return this.current;
  }

  /** The keys that verify now, the current one first. */
  valid(now: number): KeyObject[] {
    const keys = this.current ? [this.current] : [];
    if (this.previous && this.previous.validUntil > now) keys.push(this.previous.key);
    return keys;
  }
}
