import type { InsightsPeriodId } from '@hubble/contracts';
import type { Lang } from '../i18n/messages';

/** The texts of the Insights screen, in one language. */
export interface InsightsMessages {
  title: string;
  periodGroup: string;
  period: Record<InsightsPeriodId, string>;
  /** "Covers 2 Nov – 1 Dec 2026, café time (Europe/Amsterdam)." */
  covers: (range: string, timeZone: string) => string;
  retention: (days: number) => string;
  loading: string;
  errLoad: string;
  retry: string;
  called: string;
  collected: string;
  missed: string;
  missedShare: (share: string) => string;
  stillOn: (count: number) => string;
  waitTitle: string;
  median: string;
  p90: string;
  noWait: string;
  refreshes: string;
  refreshedOrders: (count: number) => string;
  bySource: string;
  till: string;
  desk: string;
  perHourTitle: string;
  perHourSummary: (busiest: string, count: number) => string;
  perWeekdayTitle: string;
  perWeekdaySummary: (busiest: string, count: number) => string;
  noOrders: string;
  showNumbers: string;
  hourColumn: string;
  dayColumn: string;
  ordersColumn: string;
  /** Monday first. */
  weekdays: readonly string[];
  weekdaysShort: readonly string[];
  csvTitle: string;
  csvDay: string;
  csvDownload: string;
  csvHint: string;
}

export const INSIGHTS_MESSAGES: Record<Lang, InsightsMessages> = {
  en: {
    title: 'Insights',
    periodGroup: 'Period',
    period: { today: 'Today', last7: 'Last 7 days', last30: 'Last 30 days' },
    covers: (range, zone) => `Covers ${range}, café time (${zone}).`,
    retention: (days) => `Orders are kept for ${days} days, so nothing older can be shown.`,
    loading: 'Loading the figures…',
    errLoad: 'Could not load the figures.',
    retry: 'Try again',
    called: 'Orders called',
    collected: 'Collected',
    missed: 'Timed out',
    missedShare: (share) => `${share} missed`,
    stillOn: (count) => (count === 1 ? '1 still on the board' : `${count} still on the board`),
    waitTitle: 'Time to collection',
    median: 'Median',
    p90: '9 in 10 within',
    noWait: 'Nothing collected yet',
    refreshes: 'Called again',
    refreshedOrders: (count) => (count === 1 ? 'for 1 order' : `for ${count} orders`),
    bySource: 'By source',
    till: 'Till',
    desk: 'Desk',
    perHourTitle: 'Orders per hour of the day',
    perHourSummary: (busiest, count) => `Busiest: ${busiest}, ${count} orders.`,
    perWeekdayTitle: 'Orders per weekday',
    perWeekdaySummary: (busiest, count) => `Busiest: ${busiest}, ${count} orders.`,
    noOrders: 'No orders in this period.',
    showNumbers: 'Show the numbers',
    hourColumn: 'Hour',
    dayColumn: 'Day',
    ordersColumn: 'Orders',
    weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    weekdaysShort: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
    csvTitle: "A day's orders",
    csvDay: 'Day',
    csvDownload: 'Download CSV',
    csvHint: 'Number, source, called, removed and reason of every order that day.',
  },
  nl: {
    title: 'Inzichten',
    periodGroup: 'Periode',
    period: { today: 'Vandaag', last7: 'Laatste 7 dagen', last30: 'Laatste 30 dagen' },
    covers: (range, zone) => `Over ${range}, tijd van het café (${zone}).`,
    retention: (days) => `Bestellingen worden ${days} dagen bewaard; ouder is niet te zien.`,
    loading: 'Cijfers laden…',
    errLoad: 'De cijfers konden niet worden geladen.',
    retry: 'Opnieuw',
    called: 'Bestellingen omgeroepen',
    collected: 'Opgehaald',
    missed: 'Verlopen',
    missedShare: (share) => `${share} gemist`,
    stillOn: (count) => `${count} nog op het bord`,
    waitTitle: 'Tijd tot ophalen',
    median: 'Mediaan',
    p90: '9 op 10 binnen',
    noWait: 'Nog niets opgehaald',
    refreshes: 'Opnieuw omgeroepen',
    refreshedOrders: (count) => (count === 1 ? 'bij 1 bestelling' : `bij ${count} bestellingen`),
    bySource: 'Per bron',
    till: 'Kassa',
    desk: 'Balie',
    perHourTitle: 'Bestellingen per uur van de dag',
    perHourSummary: (busiest, count) => `Drukst: ${busiest}, ${count} bestellingen.`,
    perWeekdayTitle: 'Bestellingen per weekdag',
    perWeekdaySummary: (busiest, count) => `Drukst: ${busiest}, ${count} bestellingen.`,
    noOrders: 'Geen bestellingen in deze periode.',
    showNumbers: 'Toon de getallen',
    hourColumn: 'Uur',
    dayColumn: 'Dag',
    ordersColumn: 'Bestellingen',
    weekdays: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'],
    weekdaysShort: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
    csvTitle: 'Bestellingen van een dag',
    csvDay: 'Dag',
    csvDownload: 'CSV downloaden',
    csvHint: 'Nummer, bron, omgeroepen, weggehaald en reden van elke bestelling die dag.',
  },
};
