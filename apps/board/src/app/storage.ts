/**
 * localStorage that never throws (private mode, quota, disabled storage): the board must work
 * without it, it only forgets more.
 */
export const deviceStorage = {
  read<T>(key: string): T | null {
    try {
      const text = globalThis.localStorage?.getItem(key);
      return text == null ? null : (JSON.parse(text) as T);
    } catch {
      return null;
    }
  },
  write(key: string, value: unknown): void {
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full or unavailable: keep working from memory.
    }
  },
  remove(key: string): void {
    try {
      globalThis.localStorage?.removeItem(key);
    } catch {
      // As above.
    }
  },
};

/** Keys of everything the board keeps on the device. */
export const STORAGE_KEYS = {
  snapshot: 'hubble.board.snapshot',
  follow: 'hubble.board.follow',
  sound: 'hubble.board.sound',
  lang: 'hubble.board.lang',
} as const;
