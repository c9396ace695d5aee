import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Store } from '../../persistence';
import type { SignInChecks } from './oidc-client';

/** A sign-in must come back from the provider within this time. */
export const SIGN_IN_LIFETIME_MS = 10 * 60_000;

/**
 * Sign-ins in progress, stored (so any instance can finish them) under a hash of a random
 * value that only the browser's cookie holds. Each is taken once: a replayed callback finds
 * nothing.
 */
@Injectable()
export class PendingSignIns {
  constructor(private readonly store: Store) {}

  /** Stores the checks; returns the value for the browser's cookie. */
  async begin(checks: SignInChecks): Promise<string> {
    const flowId = randomBytes(32).toString('base64url');
    const now = Date.now();
    await this.store.db.deleteFrom('oidc_logins').where('expires_at', '<', now).execute();
    await this.store.db
      .insertInto('oidc_logins')
      .values({
        flow_hash: flowHash(flowId),
        state: checks.state,
        nonce: checks.nonce,
        code_verifier: checks.codeVerifier,
        expires_at: now + SIGN_IN_LIFETIME_MS,
      })
      .execute();
    return flowId;
  }

  /** Removes and returns the sign-in of this cookie value, if it exists and is still fresh. */
  async take(flowId: string | undefined): Promise<SignInChecks | undefined> {
    if (!flowId || flowId.length > 128) return undefined;
    const row = await this.store.db
      .deleteFrom('oidc_logins')
      .where('flow_hash', '=', flowHash(flowId))
      .returningAll()
      .executeTakeFirst();
    if (!row || Number(row.expires_at) < Date.now()) return undefined;
    return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
  }
}

function flowHash(flowId: string): string {
  return createHash('sha256').update(flowId).digest('hex');
}
