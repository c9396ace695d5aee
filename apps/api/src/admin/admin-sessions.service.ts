import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { AdminSessionDto } from '@hubble/contracts';
import { Store } from '../persistence/store';
import { ADMIN_DOMAIN_EVENTS, SessionEndedEvent } from './admin-events';
import { AdminTokenService } from './admin-token.service';
import { tokensMatch } from '../common/tokens-match';
import { newSessionId, sessionIdHash, sessionLabel } from './session-crypto';

export const SESSION_LIFETIME_MS = 14 * 24 * 3600_000;

/** A valid session, as guards and the admin feed see it. Holds no secret. */
export interface AdminSession {
  idHash: string;
  label: string;
  expiresAt: number;
}

/** Staff sessions: opened with the token, kept server-side as a hash, ended by logout. */
@Injectable()
export class AdminSessionsService {
  constructor(
    private readonly store: Store,
    private readonly adminToken: AdminTokenService,
    private readonly events: EventEmitter2,
  ) {}

  tokenMatches(presented: unknown): boolean {
    return typeof presented === 'string' && tokensMatch(presented, this.adminToken.token);
  }

  /** Opens a session; returns the id for the cookie (never stored) and the session. */
  async open(userAgent: string | undefined): Promise<{ id: string; session: AdminSession }> {
    const id = newSessionId();
    const now = Date.now();
    const session: AdminSession = {
      idHash: sessionIdHash(this.adminToken.token, id),
      label: sessionLabel(userAgent),
      expiresAt: now + SESSION_LIFETIME_MS,
    };
    await this.store.db
      .insertInto('admin_sessions')
      .values({
        id_hash: session.idHash,
        label: session.label,
        created_at: now,
        expires_at: session.expiresAt,
        revoked_at: null,
      })
      .execute();
    await this.pruneEnded(now);
    return { id, session };
  }

  /** The session for a cookie value, if it is valid now (not revoked, not expired, same token). */
  async find(sessionId: string | undefined): Promise<AdminSession | undefined> {
    if (!sessionId || sessionId.length > 128) return undefined;
    const row = await this.store.db
      .selectFrom('admin_sessions')
      .select(['id_hash', 'label', 'expires_at'])
      .where('id_hash', '=', sessionIdHash(this.adminToken.token, sessionId))
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .executeTakeFirst();
    return row && { idHash: row.id_hash, label: row.label, expiresAt: row.expires_at };
  }

  async revoke(session: AdminSession): Promise<void> {
    await this.store.db
      .updateTable('admin_sessions')
      .set({ revoked_at: Date.now() })
      .where('id_hash', '=', session.idHash)
      .execute();
    this.events.emit(ADMIN_DOMAIN_EVENTS.sessionEnded, new SessionEndedEvent(session.idHash));
  }

  static toDto(session: AdminSession): AdminSessionDto {
    return { label: session.label, expiresAt: new Date(session.expiresAt).toISOString() };
  }

  /** Drops sessions that ended more than a day ago. */
  private async pruneEnded(now: number): Promise<void> {
    const dayAgo = now - 24 * 3600_000;
    await this.store.db
      .deleteFrom('admin_sessions')
      .where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('revoked_at', '<', dayAgo)]))
      .execute();
  }
}
