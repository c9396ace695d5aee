import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { ORDER_NUMBER_ERROR } from '@hubble/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { AddOrder } from './add-order';

describe('AddOrder', () => {
  let fixture: ComponentFixture<AddOrder>;
  let host: HTMLElement;
  let added: number[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(AddOrder);
    host = fixture.nativeElement as HTMLElement;
    added = [];
    fixture.componentInstance.add.subscribe((n) => added.push(n));
    await fixture.whenStable();
  });

  const input = () => host.querySelector<HTMLInputElement>('input#add-order-number')!;
  const error = () => host.querySelector('#add-order-error');

  async function type(text: string): Promise<void> {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    host
      .querySelector('form')!
      .dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    await fixture.whenStable();
  }

  it('renders a labelled order number field and no error before any input', () => {
    expect(host.querySelector('h2')?.textContent).toContain('Add order');
    expect(host.querySelector('label[for="add-order-number"]')?.textContent).toContain(
      'Order number',
    );
    expect(input()).not.toBeNull();
    expect(error()).toBeNull();
  });

  it.each(['abc', '0', '100000', '-5', '4.2', ' 42'])(
    'shows the shared error message for %j',
    async (text) => {
      await type(text);
      expect(error()?.textContent?.trim()).toBe(ORDER_NUMBER_ERROR);
      expect(input().getAttribute('aria-invalid')).toBe('true');
      expect(input().getAttribute('aria-describedby')).toBe('add-order-error');
    },
  );

  it.each(['1', '42', '99999'])('shows no error for %j', async (text) => {
    await type(text);
    expect(error()).toBeNull();
    expect(input().hasAttribute('aria-invalid')).toBe(false);
  });

  it('clears the error once a bad number is corrected', async () => {
    await type('12a');
    expect(error()).not.toBeNull();
    await type('12');
    expect(error()).toBeNull();
  });

  it('emits the parsed number on submit of a valid number', async () => {
    await type('0042');
    await submit();
    expect(added).toEqual([42]);
  });

  it('shows the error and emits nothing on submit of an empty field', async () => {
    await submit();
    expect(error()?.textContent?.trim()).toBe(ORDER_NUMBER_ERROR);
    expect(added).toEqual([]);
  });
});
