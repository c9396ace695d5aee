import { isOrderNumber, type RemovedReason } from '@hubble/contracts';

/**
 * A followed number is forgotten after this long: receipt numbers come round again, and nobody
 * wants tomorrow's order 42 to ring their phone.
 */
export const FOLLOW_TTL_MS = 12 * 60 * 60 * 1000;

/** How a called order left the board, as far as the board knows. */
export type FollowOutcome =
  /** Staff took it off: handed over. */
  | 'collected'
  /** It timed out on the board: the customer may not have it. */
  | 'missed'
  /** It left while this page was not connected: no reason known. */
  | 'left';

/** What the board remembers on the device about the followed order (survives reloads). */
export interface FollowRecord {
  number: number;
  since: number;
  /** How often it has been called (0: not yet). */
  calls: number;
  /** When it was last called (epoch ms). */
  calledAt: number | null;
  /** The customer tapped "Got it" for the latest call. */
  acknowledged: boolean;
  outcome: { kind: FollowOutcome; at: number } | null;
}

/** Every state the follow card can be in. */
export type FollowCardState =
  'waiting' | 'ready' | 'again' | 'collected' | 'missed' | 'left' | 'forgotten';

export function newFollow(number: number, now: number): FollowRecord {
  return { number, since: now, calls: 0, calledAt: null, acknowledged: false, outcome: null };
}

/** The record as stored, or null when missing or malformed. Old records (number, since) load. */
export function parseFollow(value: unknown): FollowRecord | null {
  if (typeof value !== 'object' || value === null) return null;
  const saved = value as Partial<FollowRecord>;
  if (!isOrderNumber(saved.number) || typeof saved.since !== 'number') return null;
  const outcome = saved.outcome;
  return {
    number: saved.number,
    since: saved.since,
    calls: typeof saved.calls === 'number' ? saved.calls : 0,
    calledAt: typeof saved.calledAt === 'number' ? saved.calledAt : null,
    acknowledged: saved.acknowledged === true,
    outcome:
      outcome &&
      ['collected', 'missed', 'left'].includes(outcome.kind) &&
      typeof outcome.at === 'number'
        ? outcome
        : null,
  };
}

export function isForgotten(record: FollowRecord, now: number): boolean {
  return now - record.since >= FOLLOW_TTL_MS;
}

/** The order was called (arrived on the board, or called again while on it). */
export function called(record: FollowRecord, now: number): FollowRecord {
  return {
    ...record,
    // After it had left, this is a new call (a staff undo, or the number again).
    calls: record.outcome !== null ? 1 : record.calls + 1,
    calledAt: now,
    acknowledged: false,
    outcome: null,
  };
}

/** The order left the board: `reason` as the server gave it, if the page saw the removal. */
export function left(
  record: FollowRecord,
  removal: { reason: RemovedReason; at: number } | undefined,
  now: number,
): FollowRecord {
  const kind: FollowOutcome =
    removal?.reason === 'staff' ? 'collected' : removal?.reason === 'expired' ? 'missed' : 'left';
  return { ...record, outcome: { kind, at: removal?.at ?? now } };
}

/** Found on the board without having seen it arrive (followed late, or after a reload). */
export function seenOnBoard(record: FollowRecord, calledAt: number): FollowRecord {
  if (record.calls > 0 && record.outcome === null) return record;
  return { ...record, calls: 1, calledAt, acknowledged: false, outcome: null };
}

/** What the card says, from the record and whether the number is on the board right now. */
export function cardState(
  record: FollowRecord,
  onBoard: boolean,
  now: number,
  synced: boolean,
): FollowCardState {
  if (onBoard) return record.calls > 1 ? 'again' : 'ready';
  if (isForgotten(record, now)) return 'forgotten';
  if (record.outcome) return record.outcome.kind;
  // Called, gone from a live board, and the removal was not seen: say so honestly.
  if (record.calledAt !== null && synced) return 'left';
  return 'waiting';
}
