/**
 * The databases integration tests run on: PGlite always; PostgreSQL when TEST_DATABASE_URL is set
 * (CI sets REQUIRE_POSTGRES=1 so a missing server fails instead of skipping).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import {
  createPgliteHandle,
  createPostgresHandle,
  type DatabaseHandle,
} from '../../server/adapters/db/database';
import { migrateToLatest } from '../../server/adapters/db/migrator';

export type Engine = 'pglite' | 'postgres';

const postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl) {
  if (process.env.REQUIRE_POSTGRES === '1') {
    throw new Error('REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set');
  }
  console.warn('⚠️  TEST_DATABASE_URL is not set: PostgreSQL suites are SKIPPED (PGlite only).');
}

/** Engines available in this run, for `describe.each`. */
export const ENGINES: Engine[] = postgresUrl ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends DatabaseHandle {
  /** Drops the throwaway PostgreSQL database (PGlite just closes). */
  dispose(): Promise<void>;
  /** Connection URL of the throwaway PostgreSQL database (undefined on PGlite). */
  url?: string;
}

/** A fresh, migrated database: an in-memory PGlite, or a throwaway database on the PostgreSQL server. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const handle = await createPgliteHandle('memory://');
    await migrateToLatest(handle.db);
    return { ...handle, dispose: handle.close };
  }
  const name = `pl_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const handle = createPostgresHandle(url.toString(), 20);
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url: url.toString(),
    async dispose() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
