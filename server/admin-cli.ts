/**
 * `npm run admin -- <command>`: operations that only an operator may do.
 *   grant-premium <email> [--days N]       Premium granted by an admin (no end without --days)
 *   revoke-premium <email>                 ends admin-granted Premium now
 *   create-beta-code --uses N --days N --expires YYYY-MM-DD [--code CODE]
 *   list-beta-codes
 *   user <email>                           plan, quota, letters, sessions of one user
 *   make-admin <email>                     the only way to get the admin role
 *   usage [--months N]                     letters per day and per plan, AI tokens per month
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { createDatabase } from './adapters/db/database';
import { migrateToLatest } from './adapters/db/migrator';
import { composeAppDeps } from './compose';
import { loadConfig } from './config';
import { planSummary } from './services/plans/plan-service';

const DAY_MS = 86_400_000;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const [command, ...rest] = process.argv.slice(2);
const { values, positionals } = parseArgs({
  args: rest,
  allowPositionals: true,
  options: {
    days: { type: 'string' },
    uses: { type: 'string' },
    expires: { type: 'string' },
    code: { type: 'string' },
    months: { type: 'string' },
  },
});

const config = loadConfig();
const database = await createDatabase({
  databaseUrl: config.DATABASE_URL,
  pgliteDir: join(config.DATA_DIR, 'pglite'),
});
await migrateToLatest(database.db);
const deps = await composeAppDeps(config, database, { log: () => {} });
const { db } = database;

async function userByEmail(email: string | undefined) {
  if (!email) fail('An e-mail is required.');
  const user = await deps.auth.users.findByEmail(email.toLowerCase());
  if (!user) fail(`No user with e-mail ${email}.`);
  return user;
}

function positiveInt(value: string | undefined, name: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed <= 0) fail(`--${name} must be a positive integer.`);
  return parsed;
}

try {
  switch (command) {
    case 'grant-premium': {
      const user = await userByEmail(positionals[0]);
      const now = new Date();
      const endsAt = values.days ? new Date(now.getTime() + positiveInt(values.days, 'days') * DAY_MS) : null;
      await deps.plans.entitlements.grant({ userId: user.id, source: 'admin', startsAt: now, endsAt });
      await deps.auth.audit.record(user.id, 'admin_grant_premium', { endsAt });
      console.log(`Premium granted to ${user.email}${endsAt ? ` until ${endsAt.toISOString()}` : ''}.`);
      break;
    }
    case 'revoke-premium': {
      const user = await userByEmail(positionals[0]);
      const count = await deps.plans.entitlements.revoke(user.id, 'admin', new Date());
      await deps.auth.audit.record(user.id, 'admin_revoke_premium');
      console.log(`Revoked ${count} admin grant(s) of ${user.email}.`);
      break;
    }
    case 'create-beta-code': {
      const code = (values.code ?? `BETA-${randomBytes(5).toString('hex').toUpperCase()}`).toUpperCase();
      const expires = new Date(values.expires ?? '');
      if (Number.isNaN(expires.getTime())) fail('--expires must be a date, e.g. 2027-03-31.');
      await deps.plans.betaCodes.create({
        code,
        maxUses: positiveInt(values.uses, 'uses'),
        premiumDays: positiveInt(values.days, 'days'),
        expiresAt: expires,
      });
      console.log(code);
      break;
    }
    case 'list-beta-codes': {
      console.table(
        (await deps.plans.betaCodes.list()).map((c) => ({
          ...c,
          expiresAt: c.expiresAt.toISOString().slice(0, 10),
        })),
      );
      break;
    }
    case 'user': {
      const user = await userByEmail(positionals[0]);
      const summary = await planSummary(deps.plans, user.id);
      const letters = await db
        .selectFrom('letters')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('user_id', '=', user.id)
        .executeTakeFirstOrThrow();
      console.log(
        JSON.stringify(
          {
            id: user.id,
            email: user.email,
            role: user.role,
            emailVerified: user.emailVerifiedAt !== null,
            createdAt: user.createdAt,
            plan: summary.plan,
            source: summary.source,
            premiumEndsAt: summary.premiumEndsAt,
            quota: summary.quota,
            letters: letters.n,
          },
          null,
          2,
        ),
      );
      break;
    }
    case 'make-admin': {
      const user = await userByEmail(positionals[0]);
      await db.updateTable('users').set({ role: 'admin' }).where('id', '=', user.id).execute();
      await deps.auth.audit.record(user.id, 'admin_role_granted');
      console.log(`${user.email} is now an admin.`);
      break;
    }
    case 'usage': {
      const months = values.months ? positiveInt(values.months, 'months') : 1;
      const since = new Date(Date.now() - months * 31 * DAY_MS);
      const perDay = await sql<{ day: string; letters: number }>`
        select to_char(created_at at time zone ${config.QUOTA_TIME_ZONE}, 'YYYY-MM-DD') as day, count(*)::int as letters
        from letters where status = 'complete' and created_at >= ${since} group by 1 order by 1`.execute(db);
      const perPlan = await sql<{ plan: string; letters: number }>`
        select case when exists (
          select 1 from entitlements e where e.user_id = l.user_id and e.revoked_at is null
            and e.starts_at <= l.created_at and (e.ends_at is null or e.ends_at > l.created_at)
        ) then 'premium' else 'free' end as plan, count(*)::int as letters
        from letters l where l.status = 'complete' and l.created_at >= ${since} group by 1 order by 1`.execute(
        db,
      );
      const tokens = await sql<{
        month: string;
        engine: string | null;
        tokens_in: number;
        tokens_out: number;
      }>`
        select to_char(created_at, 'YYYY-MM') as month, engine, coalesce(sum(tokens_in), 0)::int as tokens_in,
               coalesce(sum(tokens_out), 0)::int as tokens_out
        from letter_versions where created_at >= ${since} group by 1, 2 order by 1, 2`.execute(db);
      console.log('Letters per day');
      console.table(perDay.rows);
      console.log('Letters per plan');
      console.table(perPlan.rows);
      console.log('AI tokens per month and engine (cost = tokens × your provider’s price)');
      console.table(tokens.rows);
      break;
    }
    default:
      fail(
        'Usage: npm run admin -- grant-premium <email> [--days N] | revoke-premium <email> | ' +
          'create-beta-code --uses N --days N --expires YYYY-MM-DD [--code CODE] | list-beta-codes | ' +
          'user <email> | make-admin <email> | usage [--months N]',
      );
  }
} finally {
  await database.close();
}
