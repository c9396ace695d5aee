/**
 * Countdowns on a device whose clock may be off: the server's clock is this device's clock plus
 * `offsetMs` (from the snapshot's `serverTime`), and every expiresAt is in server time.
 */
export function remainingSeconds(expiresAt: string, deviceNow: number, offsetMs: number): number {
  const left = Date.parse(expiresAt) - (deviceNow + offsetMs);
  return Math.max(0, Math.ceil(left / 1000));
}

/** 4:05, 0:09, 1:02:03. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** Milliseconds until the server clock reaches its next whole second (plus a little slack). */
export function msToNextSecond(deviceNow: number, offsetMs: number): number {
  const serverNow = deviceNow + offsetMs;
  return 1000 - (((serverNow % 1000) + 1000) % 1000) + 5;
}
