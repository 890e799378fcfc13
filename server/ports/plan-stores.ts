/** Persistence of entitlements, the quota ledger and beta codes; each operation is atomic on its own. */
import type { Entitlement } from '../core/plans/plans';

export interface EntitlementStore {
  listForUser(userId: string): Promise<Entitlement[]>;
  grant(input: {
    userId: string;
    source: Entitlement['source'];
    startsAt: Date;
    endsAt: Date | null;
  }): Promise<void>;
  /** Ends every active entitlement of a source (admin revoke). */
  revoke(userId: string, source: Entitlement['source'], at: Date): Promise<number>;
  /**
   * Writes the state of an external subscription (Stripe) if `updatedAt` is not older than what is
   * stored: events applied out of order never overwrite a newer state.
   */
  upsertExternal(input: {
    userId: string;
    externalRef: string;
    endsAt: Date | null;
    revokedAt: Date | null;
    updatedAt: Date;
  }): Promise<boolean>;
}

export interface QuotaReservation {
  id: string;
  period: string;
}

export interface QuotaLedger {
  /**
   * Reserves one generation if fewer than `limit` are committed or still reserved in `period`
   * (serialised per user, so concurrent requests and several instances cannot overshoot).
   */
  reserve(input: {
    userId: string;
    period: string;
    limit: number;
    now: Date;
    expiresAt: Date;
    /** Refuses while this many reservations of the user are still live (generations in flight). */
    maxInFlight?: number | null;
  }): Promise<QuotaReservation | null>;
  /** Live reservations of the user: generations in flight. */
  inFlight(userId: string, now: Date): Promise<number>;
  /** The generation completed: the slot is spent. */
  commit(reservationId: string, letterId: string, at: Date): Promise<void>;
  /** The generation failed, was cancelled or cut: the slot is given back. */
  release(reservationId: string, at: Date): Promise<void>;
  /** Committed plus live reservations in the period. */
  used(userId: string, period: string, now: Date): Promise<number>;
}

export type RedeemOutcome =
  | { ok: true; premiumDays: number }
  | { ok: false; reason: 'unknown' | 'expired' | 'exhausted' | 'already_redeemed' };

export interface BetaCodeStore {
  create(input: { code: string; maxUses: number; premiumDays: number; expiresAt: Date }): Promise<void>;
  list(): Promise<{ code: string; maxUses: number; uses: number; premiumDays: number; expiresAt: Date }[]>;
  /** Uses the code once for this user and grants Premium for its days, all in one transaction. */
  redeem(code: string, userId: string, now: Date): Promise<RedeemOutcome>;
}
