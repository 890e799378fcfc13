/** Entitlements, quota ledger and beta codes on Kysely (PostgreSQL or PGlite). */
import { type Kysely, sql } from 'kysely';
import type { Entitlement } from '../../../core/plans/plans';
import type { BetaCodeStore, EntitlementStore, QuotaLedger } from '../../../ports/plan-stores';
import type { Database } from '../schema';

const DAY_MS = 86_400_000;

export function createEntitlementStore(db: Kysely<Database>): EntitlementStore {
  return {
    async listForUser(userId) {
      const rows = await db
        .selectFrom('entitlements')
        .select(['plan', 'source', 'starts_at', 'ends_at', 'revoked_at'])
        .where('user_id', '=', userId)
        .execute();
      return rows.map(
        (r): Entitlement => ({
          plan: r.plan,
          source: r.source,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          revokedAt: r.revoked_at,
        }),
      );
    },
    async grant(input) {
      await db
        .insertInto('entitlements')
        .values({
          user_id: input.userId,
          plan: 'premium',
          source: input.source,
          starts_at: input.startsAt,
          ends_at: input.endsAt,
        })
        .execute();
    },
    async revoke(userId, source, at) {
      const result = await db
        .updateTable('entitlements')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('source', '=', source)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async upsertExternal(input) {
      const row = await db
        .insertInto('entitlements')
        .values({
          user_id: input.userId,
          plan: 'premium',
          source: 'stripe',
          starts_at: input.updatedAt,
          ends_at: input.endsAt,
          revoked_at: input.revokedAt,
          external_ref: input.externalRef,
          external_updated_at: input.updatedAt,
        })
        .onConflict((oc) =>
          oc
            .columns(['source', 'external_ref'])
            .where('external_ref', 'is not', null)
            .doUpdateSet({
              ends_at: input.endsAt,
              revoked_at: input.revokedAt,
              external_updated_at: input.updatedAt,
            })
            .where('entitlements.external_updated_at', '<=', input.updatedAt),
        )
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export function createQuotaLedger(db: Kysely<Database>): QuotaLedger {
  const liveCount = (userId: string, period: string, now: Date) =>
    db
      .selectFrom('quota_ledger')
      .select(sql<number>`count(*)::int`.as('used'))
      .where('user_id', '=', userId)
      .where('period', '=', period)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'committed'),
          eb.and([eb('status', '=', 'reserved'), eb('expires_at', '>', now)]),
        ]),
      );

  const inFlightCount = (userId: string, now: Date) =>
    db
      .selectFrom('quota_ledger')
      .select(sql<number>`count(*)::int`.as('live'))
      .where('user_id', '=', userId)
      .where('status', '=', 'reserved')
      .where('expires_at', '>', now);

  return {
    async reserve({ userId, period, limit, now, expiresAt, maxInFlight }) {
      return db.transaction().execute(async (trx) => {
        // Lock the user's row: reservations of one user are serialised across every instance,
        // and the conditional insert below sees all committed reservations (READ COMMITTED
        // takes a fresh snapshot per statement, after the lock is granted).
        const locked = await trx
          .selectFrom('users')
          .select('id')
          .where('id', '=', userId)
          .forUpdate()
          .executeTakeFirst();
        if (!locked) return null;
        const inserted = await trx
          .insertInto('quota_ledger')
          .columns(['user_id', 'period', 'status', 'expires_at'])
          .expression(
            trx
              .selectNoFrom([
                sql<string>`${userId}::uuid`.as('user_id'),
                sql<string>`${period}`.as('period'),
                sql<string>`'reserved'`.as('status'),
                sql<Date>`${expiresAt}::timestamptz`.as('expires_at'),
              ])
              .where(sql<boolean>`(${liveCount(userId, period, now)}) < ${limit}`)
              .$if(maxInFlight != null, (qb) =>
                qb.where(sql<boolean>`(${inFlightCount(userId, now)}) < ${maxInFlight ?? 0}`),
              ),
          )
          .returning(['id', 'period'])
          .executeTakeFirst();
        return inserted ?? null;
      });
    },
    async commit(reservationId, letterId, at) {
      await db
        .updateTable('quota_ledger')
        .set({ status: 'committed', settled_at: at, letter_id: letterId })
        .where('id', '=', reservationId)
        .where('status', '=', 'reserved')
        .execute();
    },
    async release(reservationId, at) {
      await db
        .updateTable('quota_ledger')
        .set({ status: 'released', settled_at: at })
        .where('id', '=', reservationId)
        .where('status', '=', 'reserved')
        .execute();
    },
    async inFlight(userId, now) {
      const row = await inFlightCount(userId, now).executeTakeFirstOrThrow();
      return row.live;
    },
    async used(userId, period, now) {
      const row = await liveCount(userId, period, now).executeTakeFirstOrThrow();
      return row.used;
    },
  };
}

export function createBetaCodeStore(db: Kysely<Database>): BetaCodeStore {
  return {
    async create(input) {
      await db
        .insertInto('beta_codes')
        .values({
          code: input.code,
          max_uses: input.maxUses,
          premium_days: input.premiumDays,
          expires_at: input.expiresAt,
        })
        .execute();
    },
    async list() {
      const rows = await db.selectFrom('beta_codes').selectAll().orderBy('created_at', 'desc').execute();
      return rows.map((r) => ({
        code: r.code,
        maxUses: r.max_uses,
        uses: r.uses,
        premiumDays: r.premium_days,
        expiresAt: r.expires_at,
      }));
    },
    async redeem(code, userId, now) {
      return db
        .transaction()
        .execute(async (trx) => {
          const existing = await trx
            .selectFrom('beta_codes')
            .select(['id', 'expires_at'])
            .where('code', '=', code)
            .executeTakeFirst();
          if (!existing) return { ok: false, reason: 'unknown' } as const;
          if (existing.expires_at <= now) return { ok: false, reason: 'expired' } as const;
          const already = await trx
            .selectFrom('beta_redemptions')
            .select('code_id')
            .where('code_id', '=', existing.id)
            .where('user_id', '=', userId)
            .executeTakeFirst();
          if (already) return { ok: false, reason: 'already_redeemed' } as const;
          // One conditional update: the row lock makes concurrent redemptions queue, and the
          // `uses < max_uses` test is re-checked on the latest row, so a 5-use code gives 5.
          const used = await trx
            .updateTable('beta_codes')
            .set({ uses: sql`uses + 1` })
            .where('id', '=', existing.id)
            .where(sql<boolean>`uses < max_uses`)
            .returning(['premium_days'])
            .executeTakeFirst();
          if (!used) return { ok: false, reason: 'exhausted' } as const;
          const inserted = await trx
            .insertInto('beta_redemptions')
            .values({ code_id: existing.id, user_id: userId })
            .onConflict((oc) => oc.columns(['code_id', 'user_id']).doNothing())
            .returning('code_id')
            .executeTakeFirst();
          if (!inserted) throw new AlreadyRedeemed();
          await trx
            .insertInto('entitlements')
            .values({
              user_id: userId,
              plan: 'premium',
              source: 'beta',
              starts_at: now,
              ends_at: new Date(now.getTime() + used.premium_days * DAY_MS),
            })
            .execute();
          return { ok: true, premiumDays: used.premium_days } as const;
        })
        .catch((error) => {
          // The same user redeeming twice at once: the second transaction rolled back its use.
          if (error instanceof AlreadyRedeemed) return { ok: false, reason: 'already_redeemed' } as const;
          throw error;
        });
    },
  };
}

class AlreadyRedeemed extends Error {}
