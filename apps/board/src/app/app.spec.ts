import { TestBed } from '@angular/core/testing';
import { describe, expect, it } from 'vitest';
import { App } from './app';

describe('App (board)', () => {
  it('renders the title and the follow-my-order form', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;
    expect(host.querySelector('h1')?.textContent).toContain('Hubble café orders');
    expect(host.querySelector('app-follow-order form')).not.toBeNull();
    expect(host.querySelector('[role="status"]')).toBeNull();
  });

  it('shows which order is followed after a valid submit', async () => {
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
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Following order 17.');
  });
});
