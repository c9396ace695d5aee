import { TestBed } from '@angular/core/testing';
import {
  INSIGHTS_ROUTES,
  type InsightsDto,
  type InsightsPeriodDto,
  type InsightsPeriodsDto,
} from '@hubble/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { FETCH } from '../api/admin-api';
import { I18n } from '../i18n/i18n';
import { apiError, fakeFetch, json, type Route } from '../testing/fake-fetch';
import { Insights } from './insights';

const period = (id: InsightsPeriodDto['id'], from: string, firstDay: string) => ({
  id,
  from,
  to: '2026-10-25T23:00:00.000Z',
  firstDay,
  lastDay: '2026-10-25',
});
const PERIODS: InsightsPeriodsDto = {
  timeZone: 'Europe/Amsterdam',
  today: '2026-10-25',
  retentionDays: 30,
  periods: [
    period('today', '2026-10-24T22:00:00.000Z', '2026-10-25'),
    period('last7', '2026-10-18T22:00:00.000Z', '2026-10-19'),
    period('last30', '2026-09-25T22:00:00.000Z', '2026-09-26'),
  ],
};
const counts = { called: 0, collected: 0, missed: 0, active: 0, refreshes: 0, refreshedOrders: 0 };

function figures(called: number): InsightsDto {
  const perHour = new Array<number>(24).fill(0);
  perHour[12] = called;
  return {
    from: '',
    to: '',
    timeZone: 'Europe/Amsterdam',
    retentionDays: 30,
    totals: {
      called,
      collected: called - 2,
      missed: 2,
      active: 0,
      refreshes: 3,
      refreshedOrders: 2,
      missedShare: 2 / called,
    },
    collection: { medianSeconds: 90, p90Seconds: 408 },
    bySource: {
      'star-community': { ...counts, called: called - 1 },
      'back-office': { ...counts, called: 1 },
    },
    perHour,
    perWeekday: [0, 0, 0, 0, 0, 0, called],
    perDay: [{ date: '2026-10-25', called }],
  };
}

const insightsPath = (p: InsightsPeriodDto) =>
  `GET ${INSIGHTS_ROUTES.insights}?${new URLSearchParams({ from: p.from, to: p.to })}`;

describe('Insights screen', () => {
  async function render(routes: Record<string, Route>) {
    const fake = fakeFetch({
      [`GET ${INSIGHTS_ROUTES.periods}`]: () => json(200, PERIODS),
      ...routes,
    });
    TestBed.configureTestingModule({ providers: [{ provide: FETCH, useValue: fake.fetch }] });
    TestBed.inject(I18n).use('en');
    const fixture = TestBed.createComponent(Insights);
    const host = fixture.nativeElement as HTMLElement;
    const settle = async () => {
      for (let i = 0; i < 5; i++) {
        await fixture.whenStable();
        await new Promise((resolve) => setTimeout(resolve));
      }
    };
    await settle();
    return { host, settle, calls: fake.calls };
  }
  const text = (host: HTMLElement, name: string) =>
    host.querySelector(`[data-figure="${name}"]`)?.textContent?.trim();

  afterEach(() => TestBed.resetTestingModule());

  it("shows today's figures, charts and the period it covers", async () => {
    const { host } = await render({
      [insightsPath(PERIODS.periods[0])]: () => json(200, figures(8)),
    });
    expect(text(host, 'called')).toBe('8');
    expect(text(host, 'missed-share')).toBe('25% missed');
    expect(text(host, 'median')).toBe('1 min 30 s');
    expect(text(host, 'p90')).toBe('6 min 48 s');
    expect(text(host, 'till')).toBe('7');
    expect(host.querySelector('.coverage')?.textContent).toContain('Europe/Amsterdam');
    expect(host.querySelector('.coverage')?.textContent).toContain('kept for 30 days');
    expect(host.querySelectorAll('[data-chart="hours"] rect.bar')).toHaveLength(24);
    expect(host.querySelectorAll('[data-chart="weekdays"] rect.bar')).toHaveLength(7);
    expect(host.querySelector('[data-chart="hours"] svg')?.getAttribute('aria-label')).toBe(
      'Orders per hour of the day. Busiest: 12:00–13:00, 8 orders.',
    );
    expect(host.querySelector('a.download')?.getAttribute('href')).toBe(
      `${INSIGHTS_ROUTES.ordersCsv}?date=2026-10-25`,
    );
  });

  it('asks for the chosen period', async () => {
    const { host, settle, calls } = await render({
      [insightsPath(PERIODS.periods[0])]: () => json(200, figures(8)),
      [insightsPath(PERIODS.periods[2])]: () => json(200, figures(120)),
    });
    const last30 = [...host.querySelectorAll<HTMLButtonElement>('.periods button')].find(
      (button) => button.textContent?.trim() === 'Last 30 days',
    );
    last30?.click();
    await settle();
    expect(text(host, 'called')).toBe('120');
    expect(last30?.getAttribute('aria-pressed')).toBe('true');
    expect(calls.map((call) => call.path)).toContain(insightsPath(PERIODS.periods[2]).slice(4));
  });

  it('says when the figures cannot be loaded, and tries again', async () => {
    let fail = true;
    const { host, settle } = await render({
      [insightsPath(PERIODS.periods[0])]: () =>
        fail ? apiError(500, 'boom') : json(200, figures(4)),
    });
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Could not load');
    fail = false;
    host.querySelector<HTMLButtonElement>('[role="alert"] button')?.click();
    await settle();
    expect(host.querySelector('[role="alert"]')).toBeNull();
    expect(text(host, 'called')).toBe('4');
  });
});
