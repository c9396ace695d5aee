import { ORDER_NUMBER_MAX } from '@hubble/contracts';

/** The most digits an order number has (99999). */
export const MAX_DIGITS = String(ORDER_NUMBER_MAX).length;

/** What a key does to the text being entered: the new text, or `refused` when it would not fit. */
export type KeyResult = { text: string } | { refused: 'too-long' };

export type KeypadKey = `${number}` | 'backspace' | 'clear';

export function pressKey(text: string, key: KeypadKey): KeyResult {
  if (key === 'backspace') return { text: text.slice(0, -1) };
  if (key === 'clear') return { text: '' };
  if (text.length >= MAX_DIGITS) return { refused: 'too-long' };
  return { text: text + key };
}

/** Which key a keyboard event means on the desk, or null for a key the desk leaves alone. */
export function keyFromKeyboard(event: KeyboardEvent): KeypadKey | 'enter' | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (/^[0-9]$/.test(event.key)) return event.key as KeypadKey;
  switch (event.key) {
    case 'Backspace':
      return 'backspace';
    case 'Delete':
    case 'Escape':
      return 'clear';
    case 'Enter':
      return 'enter';
    default:
      return null;
  }
}

/** Why typed text is not an order number, in the desk's own words. */
export type EntryProblem = 'empty' | 'digits' | 'too-long' | 'range';

export function entryProblem(text: string): EntryProblem {
  if (text === '') return 'empty';
  if (!/^[0-9]+$/.test(text)) return 'digits';
  if (text.length > MAX_DIGITS) return 'too-long';
  return 'range';
}
