/** Security-relevant events (logins, password changes…) without secrets or document text. */
import type { Kysely } from 'kysely';
import type { AuditLog } from '../../../ports/account-stores';
import type { Database } from '../schema';

export function createAuditLog(db: Kysely<Database>): AuditLog {
  return {
    async record(userId, kind, details = {}) {
      await db
        .insertInto('audit_events')
        .values({ user_id: userId, kind, details: JSON.stringify(details) })
        .execute();
    },
  };
}
