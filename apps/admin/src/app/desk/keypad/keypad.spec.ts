import { Component, signal, viewChild } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { I18n } from '../../i18n/i18n';
import { type Feedback, feedback } from '../feedback';
import { Keypad } from './keypad';

@Component({
  imports: [Keypad],
  template: `
    <app-keypad
      [busy]="busy()"
      [feedback]="feedback()"
      (add)="added.push($event)"
      (edited)="edits = edits + 1"
    />
    <button type="button" id="elsewhere">Remove order 9</button>
  `,
})
class Host {
  readonly keypad = viewChild.required(Keypad);
  readonly busy = signal(false);
  readonly feedback = signal<Feedback | null>(null);
  readonly added: number[] = [];
  edits = 0;
}

describe('Keypad', () => {
  let fixture: ComponentFixture<Host>;
  let host: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    fixture = TestBed.createComponent(Host);
    host = fixture.nativeElement as HTMLElement;
    document.body.appendChild(host);
    TestBed.inject(I18n).use('en');
    await fixture.whenStable();
  });

  afterEach(() => host.remove());

  const field = () => host.querySelector<HTMLInputElement>('#order-number')!;
  const message = () => host.querySelector('#keypad-message')!.textContent!.trim();
  const button = (label: string) =>
    [...host.querySelectorAll<HTMLButtonElement>('app-keypad button')].find(
      (b) => b.textContent!.trim() === label || b.getAttribute('aria-label') === label,
    )!;

  async function tap(...labels: string[]) {
    for (const label of labels) button(label).click();
    await fixture.whenStable();
  }

  async function keydown(key: string, target: Element = document.body) {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    target.dispatchEvent(event);
    await fixture.whenStable();
    return event;
  }

  it('has a labelled field, digit keys, clear, backspace and a big Add', () => {
    expect(host.querySelector('label[for="order-number"]')?.textContent).toContain('Order number');
    for (const digit of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      expect(button(digit)).toBeTruthy();
    }
    expect(button('Clear')).toBeTruthy();
    expect(button('Delete last digit')).toBeTruthy();
    expect(button('Add').type).toBe('submit');
    expect(message()).toBe('');
  });

  it('builds the number from taps and adds it', async () => {
    await tap('4', '2');
    expect(field().value).toBe('42');
    expect(fixture.componentInstance.edits).toBe(2);
    await tap('Add');
    expect(fixture.componentInstance.added).toEqual([42]);
  });

  it('corrects with backspace and clear', async () => {
    await tap('1', '2', '3', 'Delete last digit');
    expect(field().value).toBe('12');
    await tap('Clear');
    expect(field().value).toBe('');
    // Emptying is no error by itself.
    expect(message()).toBe('');
  });

  it('refuses a sixth digit and says so', async () => {
    await tap('1', '2', '3', '4', '5', '6');
    expect(field().value).toBe('12345');
    expect(message()).toContain('At most 5 digits.');
    await tap('Delete last digit');
    expect(message()).toBe('');
  });

  it('says at once that 0 is not an order number, and adds nothing', async () => {
    await tap('0');
    expect(message()).toContain('Order numbers go from 1 to 99999.');
    expect(field().getAttribute('aria-invalid')).toBe('true');
    await tap('Add');
    expect(fixture.componentInstance.added).toEqual([]);
    await tap('7');
    expect(message()).toBe('');
    await tap('Add');
    expect(fixture.componentInstance.added).toEqual([7]);
  });

  it('asks for a number when Add is pressed on an empty field', async () => {
    await tap('Add');
    expect(message()).toContain('Type a number first.');
    expect(fixture.componentInstance.added).toEqual([]);
  });

  it('says "digits only" for pasted text', async () => {
    field().value = '12b';
    field().dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(message()).toContain('Digits only');
  });

  it('takes digits, Backspace, Escape and Enter from the keyboard anywhere on the desk', async () => {
    expect((await keydown('5')).defaultPrevented).toBe(true);
    await keydown('8');
    await keydown('1');
    await keydown('Backspace');
    expect(field().value).toBe('58');
    await keydown('Enter');
    expect(fixture.componentInstance.added).toEqual([58]);
    await keydown('Escape');
    expect(field().value).toBe('');
  });

  it('leaves Enter on another button to that button, but still takes digits there', async () => {
    const elsewhere = host.querySelector('#elsewhere')!;
    await keydown('3', elsewhere);
    const enter = await keydown('Enter', elsewhere);
    expect(enter.defaultPrevented).toBe(false);
    expect(fixture.componentInstance.added).toEqual([]);
    expect(field().value).toBe('3');
  });

  it('leaves typing in its own field to the field (no double digits)', async () => {
    const event = await keydown('4', field());
    expect(event.defaultPrevented).toBe(false);
    expect(field().value).toBe('');
  });

  it('adds nothing while the previous add is on its way', async () => {
    fixture.componentInstance.busy.set(true);
    await fixture.whenStable();
    await tap('9', 'Adding…');
    expect(fixture.componentInstance.added).toEqual([]);
    expect(button('Adding…').getAttribute('aria-disabled')).toBe('true');
  });

  it('shows the desk’s feedback in the live region and clears the number on request', async () => {
    await tap('4', '2');
    fixture.componentInstance.feedback.set(feedback('success', (t) => t.added(42)));
    fixture.componentInstance.keypad().clear();
    await fixture.whenStable();
    expect(field().value).toBe('');
    expect(message()).toContain('Order 42 is on the board.');
    expect(host.querySelector('#keypad-message')?.getAttribute('aria-live')).toBe('polite');
  });

  it('speaks Dutch after a switch', async () => {
    TestBed.inject(I18n).use('nl');
    await tap('0');
    expect(message()).toContain('Bestelnummers lopen van 1 tot en met 99999.');
    expect(button('Toevoegen')).toBeTruthy();
  });
});
