/** Refresh tokens (stored as SHA-256 hashes), grouped in families for rotation and reuse detection. */
import type { Kysely, Selectable } from 'kysely';
import type { RefreshSession, SessionStore } from '../../../ports/account-stores';
import type { Database, RefreshTokensTable } from '../schema';

function toSession(row: Selectable<RefreshTokensTable>): RefreshSession {
  return {
    id: row.id,
    userId: row.user_id,
    familyId: row.family_id,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    absoluteExpiresAt: row.absolute_expires_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
  };
}

export function createSessionStore(db: Kysely<Database>): SessionStore {
  return {
    async create(input) {
      const row = await db
        .insertInto('refresh_tokens')
        .values({
          user_id: input.userId,
          family_id: input.familyId,
          token_hash: input.tokenHash,
          absolute_expires_at: input.absoluteExpiresAt,
          user_agent: input.userAgent,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSession(row);
    },
    async findByHash(tokenHash) {
      const row = await db
        .selectFrom('refresh_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },
    async markRotated(id, at) {
      const result = await db
        .updateTable('refresh_tokens')
        .set({ rotated_at: at, last_used_at: at })
        .where('id', '=', id)
        .where('rotated_at', 'is', null)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revokeFamily(familyId, at) {
      await db
        .updateTable('refresh_tokens')
        .set({ revoked_at: at })
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .execute();
    },
    async revokeAllForUser(userId, at, exceptFamilyId) {
      let query = db
        .updateTable('refresh_tokens')
        .set({ revoked_at: at })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (exceptFamilyId) query = query.where('family_id', '!=', exceptFamilyId);
      await query.execute();
    },
    async isFamilyActive(familyId) {
      const row = await db
        .selectFrom('refresh_tokens')
        .select('id')
        .where('family_id', '=', familyId)
        .where('revoked_at', 'is', null)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
