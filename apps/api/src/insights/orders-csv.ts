import { ORDERS_CSV_COLUMNS } from '@hubble/contracts';
import type { CafeClock } from './cafe-time';
import type { CsvOrderRow } from './insights.repository';

/**
 * One line per order: number, source (star-community | back-office), called and removed as café
 * wall time with its offset, reason (staff | expired; empty while on the board). Every field is
 * a number, a fixed word or a time, so nothing needs quoting and no cell can start a formula.
 */
export function ordersCsv(rows: readonly CsvOrderRow[], clock: CafeClock): string {
  const lines = rows.map((row) =>
    [
      row.number,
      row.source,
      clock.isoAt(row.created_at),
      row.removed_at === null ? '' : clock.isoAt(row.removed_at),
      row.removed_reason ?? '',
    ].join(','),
  );
  return [ORDERS_CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n';
}
