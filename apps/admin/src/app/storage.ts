/**
 * localStorage that never throws (private mode, quota, disabled storage): the desk works without
 * it, it only forgets the language choice.
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
};

/** Keys of everything the back-office keeps on the device (never anything secret). */
export const STORAGE_KEYS = {
  lang: 'hubble.admin.lang',
} as const;
