import { Injectable, Logger } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { AuditAction, AuditEntryDto } from '@hubble/contracts';
import type { AdminAuditTable } from '../persistence';
import { Store } from '../persistence';
import { ADMIN_DOMAIN_EVENTS } from './admin-events';
import type { AdminSession } from './admin-sessions.service';
import { DomainEventBus } from '../events';

const KEEP_MS = 90 * 24 * 3600_000;

/** The audit trail of staff actions: what, which order, when, which session (by label). */
@Injectable()
export class AuditService {
  private readonly logger = new Logger('Audit');

  constructor(
    private readonly store: Store,
    private readonly events: DomainEventBus,
  ) {}

  /**
   * Records an action that already happened. A failure here is logged, not thrown: the order
   * change has committed and the staff member must see it succeed.
   */
  async record(action: AuditAction, orderNumber: number | null, session: AdminSession) {
    try {
      const now = Date.now();
      const row = await this.store.db
        .insertInto('admin_audit')
        .values({ at: now, action, order_number: orderNumber, session_label: session.label })
        .returningAll()
        .executeTakeFirstOrThrow();
      const entry = toAuditEntryDto(row);
      this.events.emit(ADMIN_DOMAIN_EVENTS.activity, entry);
      if (row.id % 500 === 0) await this.prune(now);
      return entry;
    } catch (error) {
      this.logger.error(`Could not record ${action}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** The latest entries, newest first. */
  async latest(limit = 50): Promise<AuditEntryDto[]> {
    const rows = await this.store.db
      .selectFrom('admin_audit')
      .selectAll()
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toAuditEntryDto);
  }

  private async prune(now: number): Promise<void> {
    await this.store.db
      .deleteFrom('admin_audit')
      .where('at', '<', now - KEEP_MS)
      .execute();
  }
}

function toAuditEntryDto(row: Selectable<AdminAuditTable>): AuditEntryDto {
  return {
    id: Number(row.id),
    at: new Date(Number(row.at)).toISOString(),
    action: row.action,
    orderNumber: row.order_number,
    session: row.session_label,
  };
}
