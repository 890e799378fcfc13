/** Single-use, expiring tokens for e-mail verification, e-mail change and password reset (hashed). */
import type { Kysely } from 'kysely';
import type { UserTokenStore } from '../../../ports/account-stores';
import type { Database } from '../schema';

export function createUserTokenStore(db: Kysely<Database>): UserTokenStore {
  return {
    async create(input) {
      await db
        .insertInto('user_tokens')
        .values({
          user_id: input.userId,
          purpose: input.purpose,
          token_hash: input.tokenHash,
          expires_at: input.expiresAt,
          new_email: input.newEmail ?? null,
        })
        .execute();
    },
    async consume(purpose, tokenHash, at) {
      // One conditional update: a token can be used once even by concurrent requests.
      const row = await db
        .updateTable('user_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', at)
        .returning(['user_id', 'new_email'])
        .executeTakeFirst();
      return row ? { userId: row.user_id, newEmail: row.new_email } : null;
    },
    async invalidate(userId, purpose, at) {
      await db
        .updateTable('user_tokens')
        .set({ used_at: at })
        .where('user_id', '=', userId)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .execute();
    },
  };
}
