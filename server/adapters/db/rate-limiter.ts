/**
 * Fixed-window rate limits counted in PostgreSQL with one atomic upsert, so every instance sharing
 * the database sees the same counters.
 */
import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../ports/clock';
import type { RateLimiter } from '../../ports/security';
import type { Database } from './schema';

export function createDatabaseRateLimiter(db: Kysely<Database>, clock: Clock): RateLimiter {
  return {
    async hit(key, limit, windowSeconds) {
      const now = clock.now();
      const resetAt = new Date(now.getTime() + windowSeconds * 1000);
      const row = await db
        .insertInto('rate_limits')
        .values({ key, hits: 1, reset_at: resetAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            hits: sql<number>`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.hits + 1 end`,
            reset_at: sql<Date>`case when rate_limits.reset_at <= ${now} then ${resetAt} else rate_limits.reset_at end`,
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((new Date(row.reset_at).getTime() - now.getTime()) / 1000),
      );
      return { allowed: row.hits <= limit, retryAfterSeconds, hits: row.hits };
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', key).execute();
    },
  };
}
