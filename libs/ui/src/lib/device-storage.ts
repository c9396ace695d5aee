/**
 * localStorage that never throws (private mode, quota, disabled storage): the apps must work
 * without it, they only forget more. Values are stored as JSON.
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
