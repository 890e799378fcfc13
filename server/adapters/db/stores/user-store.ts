/** Users and consents on Kysely; rows mapped to the domain's UserAccount. */
import type { Kysely, Selectable } from 'kysely';
import type { UserAccount } from '../../../core/auth/user';
import type { UserStore } from '../../../ports/account-stores';
import type { PreparedQuery } from '../database';
import type { Database, UsersTable } from '../schema';

export function toUserAccount(row: Selectable<UsersTable>): UserAccount {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    language: row.language,
    role: row.role,
    passwordHash: row.password_hash,
    emailVerifiedAt: row.email_verified_at,
    createdAt: row.created_at,
  };
}

/** Tables exported for a user, with the column that scopes them. */
const EXPORTED_TABLES = [
  ['consents', 'user_id'],
  ['documents', 'user_id'],
  ['letters', 'user_id'],
  ['letter_versions', 'user_id'],
  ['analyses', 'user_id'],
  ['entitlements', 'user_id'],
  ['beta_redemptions', 'user_id'],
  ['quota_ledger', 'user_id'],
  ['audit_events', 'user_id'],
] as const;

const USER_BY_ID = 'select * from users where id = $1';

export function createUserStore(db: Kysely<Database>, prepared?: PreparedQuery): UserStore {
  return {
    async create(user) {
      const row = await db
        .insertInto('users')
        .values({
          email: user.email,
          display_name: user.displayName,
          language: user.language,
          password_hash: user.passwordHash,
        })
        .onConflict((oc) => oc.column('email').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toUserAccount(row) : null;
    },
    async findById(id) {
      // The hottest read (every authenticated page): a prepared statement when available.
      const row = prepared
        ? (await prepared<Selectable<UsersTable>>('user_by_id', USER_BY_ID, [id]))[0]
        : await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUserAccount(row) : null;
    },
    async findByEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toUserAccount(row) : null;
    },
    async update(id, changes) {
      const row = await db
        .updateTable('users')
        .set({
          ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
          ...(changes.language !== undefined ? { language: changes.language } : {}),
          ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
          ...(changes.email !== undefined ? { email: changes.email } : {}),
          ...(changes.emailVerifiedAt !== undefined ? { email_verified_at: changes.emailVerifiedAt } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toUserAccount(row) : null;
    },
    async delete(id) {
      const result = await db.deleteFrom('users').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async touch(id, at) {
      await db.updateTable('users').set({ last_active_at: at }).where('id', '=', id).execute();
    },
    async recordConsents(userId, consents) {
      if (consents.length === 0) return;
      await db
        .insertInto('consents')
        .values(consents.map((c) => ({ user_id: userId, kind: c.kind, version: c.version })))
        .execute();
    },
    async exportAll(id) {
      const user = await db
        .selectFrom('users')
        .select([
          'id',
          'email',
          'display_name',
          'language',
          'role',
          'email_verified_at',
          'created_at',
          'updated_at',
        ])
        .where('id', '=', id)
        .execute();
      const result: Record<string, unknown[]> = { users: user };
      for (const [table, column] of EXPORTED_TABLES) {
        result[table] = await db.selectFrom(table).selectAll().where(column, '=', id).execute();
      }
      result.sessions = await db
        .selectFrom('refresh_tokens')
        .select(['created_at', 'last_used_at', 'revoked_at', 'user_agent'])
        .where('user_id', '=', id)
        .execute();
      return result;
    },
  };
}
