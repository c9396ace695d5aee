import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import { App } from './app';

describe('App (admin)', () => {
  it('renders the title and the add-order form', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('h1')?.textContent).toContain('Hubble back-office');
    expect(host.querySelector('app-add-order form')).not.toBeNull();
    expect(host.querySelector('[role="status"]')).toBeNull();
  });

  it('acknowledges a valid order number without claiming it was sent', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    const input = host.querySelector<HTMLInputElement>('input')!;
    input.value = '17';
    input.dispatchEvent(new Event('input'));
    host
      .querySelector('form')!
      .dispatchEvent(new SubmitEvent('submit', { bubbles: true, cancelable: true }));
    await fixture.whenStable();
    const status = host.querySelector('[role="status"]')?.textContent ?? '';
    expect(status).toContain('Order 17 is valid.');
    expect(status).toContain('not wired up yet');
  });
});
