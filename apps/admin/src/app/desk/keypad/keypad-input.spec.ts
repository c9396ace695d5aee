import { describe, expect, it } from 'vitest';
import { entryProblem, keyFromKeyboard, MAX_DIGITS, pressKey } from './keypad-input';

const key = (key: string, init: KeyboardEventInit = {}) =>
  new KeyboardEvent('keydown', { key, ...init });

describe('keypad input', () => {
  it('appends digits up to five and refuses a sixth', () => {
    let text = '';
    for (const digit of ['1', '2', '3', '4', '5'] as const) {
      const result = pressKey(text, digit);
      expect(result).toHaveProperty('text');
      text = (result as { text: string }).text;
    }
    expect(text).toBe('12345');
    expect(MAX_DIGITS).toBe(5);
    expect(pressKey(text, '6')).toEqual({ refused: 'too-long' });
  });

  it('deletes the last digit and clears', () => {
    expect(pressKey('425', 'backspace')).toEqual({ text: '42' });
    expect(pressKey('', 'backspace')).toEqual({ text: '' });
    expect(pressKey('425', 'clear')).toEqual({ text: '' });
  });

  it('maps keyboard keys: digits, Backspace, Delete/Escape to clear, Enter', () => {
    expect(keyFromKeyboard(key('7'))).toBe('7');
    expect(keyFromKeyboard(key('Backspace'))).toBe('backspace');
    expect(keyFromKeyboard(key('Escape'))).toBe('clear');
    expect(keyFromKeyboard(key('Delete'))).toBe('clear');
    expect(keyFromKeyboard(key('Enter'))).toBe('enter');
    expect(keyFromKeyboard(key('a'))).toBeNull();
    expect(keyFromKeyboard(key('Tab'))).toBeNull();
    // Shortcuts stay the browser's (Ctrl+1 switches tabs).
    expect(keyFromKeyboard(key('1', { ctrlKey: true }))).toBeNull();
    expect(keyFromKeyboard(key('r', { metaKey: true }))).toBeNull();
  });

  it('names what is wrong with typed text in the desk’s words', () => {
    expect(entryProblem('')).toBe('empty');
    expect(entryProblem('12a')).toBe('digits');
    expect(entryProblem(' 4')).toBe('digits');
    expect(entryProblem('123456')).toBe('too-long');
    expect(entryProblem('0')).toBe('range');
    expect(entryProblem('000')).toBe('range');
  });
});
