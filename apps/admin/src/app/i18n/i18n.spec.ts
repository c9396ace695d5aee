import { TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18n, LANG_STORAGE_KEY } from './i18n';
import { LANGS, MESSAGES } from './messages';

function languages(list: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(list);
}

describe('I18n', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    vi.restoreAllMocks();
    TestBed.resetTestingModule();
  });

  it('starts in the first browser language it has', () => {
    languages(['de-DE', 'nl-BE', 'en']);
    expect(TestBed.inject(I18n).lang()).toBe('nl');
  });

  it('falls back to English', () => {
    languages(['fr-FR']);
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('switches at once, remembers the choice and sets <html lang>', () => {
    languages(['en-GB']);
    const i18n = TestBed.inject(I18n);
    expect(i18n.t().add).toBe('Add');
    i18n.use('nl');
    expect(i18n.t().add).toBe('Toevoegen');
    TestBed.tick();
    expect(document.documentElement.lang).toBe('nl');
    expect(JSON.parse(localStorage.getItem(LANG_STORAGE_KEY)!)).toBe('nl');

    // A new start on this device keeps the choice over the browser's language.
    TestBed.resetTestingModule();
    expect(TestBed.inject(I18n).lang()).toBe('nl');
  });

  it('ignores a stored value that is not a language', () => {
    languages(['en']);
    localStorage.setItem(LANG_STORAGE_KEY, JSON.stringify('xx'));
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('has every text in every language', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const lang of LANGS) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
      for (const value of Object.values(MESSAGES[lang])) {
        expect(value === '' || value === null).toBe(false);
      }
    }
    expect(MESSAGES.nl.refreshed(42)).toContain('42');
    expect(MESSAGES.nl.action['order.remove'](42)).toBe('42 weggehaald');
  });

  it('formats clock times for the language', () => {
    languages(['en']);
    const i18n = TestBed.inject(I18n);
    const at = new Date(2026, 0, 1, 14, 5, 9);
    expect(i18n.timeFormat().format(at)).toBe('14:05:09');
    i18n.use('nl');
    expect(i18n.timeFormat().format(at)).toBe('14:05:09');
  });
});
