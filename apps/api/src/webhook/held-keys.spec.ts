import { generateKeyPairSync } from 'node:crypto';
import { HeldKeys } from './held-keys';

const newKey = () => generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;

describe('HeldKeys', () => {
  const k1 = newKey();
  const k2 = newKey();

  it('keeps the previous key valid for the grace period after a new one arrives', () => {
    const keys = new HeldKeys(10_000);
    expect(keys.take(k1, 0)).toBe(true);
    expect(keys.take(k1, 5)).toBe(false);
    expect(keys.take(k2, 1000)).toBe(true);
    expect(keys.valid(10_999)).toEqual([k2, k1]);
    expect(keys.valid(11_000)).toEqual([k2]);
    expect(keys.latest()).toBe(k2);
  });

  it('drops the previous key at once with no grace period', () => {
    const keys = new HeldKeys(0);
    keys.take(k1, 0);
    keys.take(k2, 1);
    expect(keys.valid(1)).toEqual([k2]);
  });
});
