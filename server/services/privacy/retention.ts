/**
 * Data retention: the CVs, offers, letters and analyses of accounts inactive for the configured
 * number of months are deleted; spent one-time tokens, ended sessions and expired rate-limit
 * counters are purged after 30 days. Idempotent, so every instance may run it.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../adapters/db/schema';
import type { Clock } from '../../ports/clock';

const DAY_MS = 86_400_000;

export interface RetentionReport {
  inactiveUsers: number;
  documents: number;
  letters: number;
  analyses: number;
  tokens: number;
  sessions: number;
  rateLimits: number;
}

function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export async function purgeExpiredData(
  db: Kysely<Database>,
  clock: Clock,
  settings: { inactiveMonths: number },
): Promise<RetentionReport> {
  const now = clock.now();
  const inactiveBefore = monthsBefore(now, settings.inactiveMonths);
  const housekeepingBefore = new Date(now.getTime() - 30 * DAY_MS);
  const inactive = db.selectFrom('users').select('id').where('last_active_at', '<', inactiveBefore);
  const count = (result: { numDeletedRows: bigint }[]) =>
    result.reduce((n, r) => n + Number(r.numDeletedRows), 0);

  const inactiveUsers = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('last_active_at', '<', inactiveBefore)
    .executeTakeFirstOrThrow();
  const analyses = count(await db.deleteFrom('analyses').where('user_id', 'in', inactive).execute());
  const letters = count(await db.deleteFrom('letters').where('user_id', 'in', inactive).execute());
  const documents = count(await db.deleteFrom('documents').where('user_id', 'in', inactive).execute());
  const tokens = count(
    await db
      .deleteFrom('user_tokens')
      .where((eb) =>
        eb.or([eb('expires_at', '<', housekeepingBefore), eb('used_at', '<', housekeepingBefore)]),
      )
      .execute(),
  );
  const sessions = count(
    await db
      .deleteFrom('refresh_tokens')
      .where((eb) =>
        eb.or([
          eb('revoked_at', '<', housekeepingBefore),
          eb('absolute_expires_at', '<', housekeepingBefore),
        ]),
      )
      .execute(),
  );
  const rateLimits = count(await db.deleteFrom('rate_limits').where('reset_at', '<', now).execute());
  return { inactiveUsers: inactiveUsers.n, documents, letters, analyses, tokens, sessions, rateLimits };
}
