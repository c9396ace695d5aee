import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AdminSessionDto, AdminSessionKind, StaffSessionDto } from '@hubble/contracts';
import { Store } from '../persistence';
import { ADMIN_DOMAIN_EVENTS, SessionEndedEvent } from './admin-events';
import { AdminTokenService } from './admin-token.service';
import { tokensMatch } from '../common';
import { newSessionId, sessionIdHash, sessionLabel } from './session-crypto';
import { DomainEventBus } from '../events';

export const SESSION_LIFETIME_MS = 14 * 24 * 3600_000;

/** A valid session, as guards and the admin feed see it. Holds no secret. */
export interface AdminSession {
  idHash: string;
  label: string;
  expiresAt: number;
  kind: AdminSessionKind;
}

/** A person signed in with the OpenID provider; their session is labelled with who they are. */
export interface SignedInPerson {
  label: string;
}

/** Staff sessions: opened with the token, kept server-side as a hash, ended by logout. */
@Injectable()
export class AdminSessionsService {
  constructor(
    private readonly store: Store,
    private readonly adminToken: AdminTokenService,
    private readonly events: DomainEventBus,
  ) {}

  tokenMatches(presented: unknown): boolean {
    return typeof presented === 'string' && tokensMatch(presented, this.adminToken.token);
  }

  /**
   * Opens a session (for a device, or for a signed-in `person`); returns the id for the cookie
   * (never stored) and the session.
   */
  async open(
    userAgent: string | undefined,
    person?: SignedInPerson,
  ): Promise<{ id: string; session: AdminSession }> {
    const id = newSessionId();
    const now = Date.now();
    const session: AdminSession = {
      idHash: sessionIdHash(this.adminToken.token, id),
      label: person?.label ?? sessionLabel(userAgent),
      expiresAt: now + SESSION_LIFETIME_MS,
      kind: person ? 'oidc' : 'token',
    };
    await this.store.db
      .insertInto('admin_sessions')
      .values({
        id_hash: session.idHash,
        label: session.label,
        created_at: now,
        expires_at: session.expiresAt,
        revoked_at: null,
        handle: randomBytes(8).toString('hex'),
        kind: session.kind,
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
      .select(['id_hash', 'label', 'expires_at', 'kind'])
      .where('id_hash', '=', sessionIdHash(this.adminToken.token, sessionId))
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .executeTakeFirst();
    return (
      row && { idHash: row.id_hash, label: row.label, expiresAt: row.expires_at, kind: row.kind }
    );
  }

  /** Every session that is valid now, newest first; `current` marks the asking one. */
  async listActive(current: AdminSession): Promise<StaffSessionDto[]> {
    const rows = await this.store.db
      .selectFrom('admin_sessions')
      .select(['id_hash', 'handle', 'label', 'kind', 'created_at', 'expires_at'])
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.handle ?? row.id_hash.slice(0, 16),
      label: row.label,
      kind: row.kind,
      createdAt: new Date(Number(row.created_at)).toISOString(),
      expiresAt: new Date(Number(row.expires_at)).toISOString(),
      current: row.id_hash === current.idHash,
    }));
  }

  /** The active session with this public handle, if any. */
  async findByHandle(handle: string): Promise<AdminSession | undefined> {
    if (!/^[0-9a-f]{16}$/.test(handle)) return undefined;
    const row = await this.store.db
      .selectFrom('admin_sessions')
      .select(['id_hash', 'label', 'expires_at', 'kind'])
      .where('handle', '=', handle)
      .where('revoked_at', 'is', null)
      .where('expires_at', '>', Date.now())
      .executeTakeFirst();
    return (
      row && { idHash: row.id_hash, label: row.label, expiresAt: row.expires_at, kind: row.kind }
    );
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
    return {
      label: session.label,
      expiresAt: new Date(session.expiresAt).toISOString(),
      kind: session.kind,
    };
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
