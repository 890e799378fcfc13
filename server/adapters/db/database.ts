/**
 * The one database handle of a process: Kysely over PostgreSQL (`pg` pool) or over the embedded
 * PGlite. Created once in main.ts (or a test) and passed down; nothing else opens connections.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from './schema';

export interface DatabaseHandle {
  /** Typed query builder shared by every store. */
  readonly db: Kysely<Database>;
  /** Which engine answers: the embedded PGlite or a PostgreSQL server. */
  readonly engine: 'pglite' | 'postgres';
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
  /**
   * Runs one statement as a named prepared statement (PostgreSQL parses and plans it once per
   * connection). Used on the hottest reads only; everything else goes through Kysely.
   */
  prepared: PreparedQuery;
}

export type PreparedQuery = <Row>(name: string, text: string, values: unknown[]) => Promise<Row[]>;

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent, PGlite is used. */
  databaseUrl?: string | undefined;
  /** Directory of the PGlite data; `memory://` keeps it in memory (tests). */
  pgliteDir?: string;
  /** Maximum pool size for PostgreSQL. */
  poolMax?: number;
  /** Longest wait for a free pool connection (PostgreSQL). */
  acquireTimeoutMs?: number;
}

// Dates come back as Date; bigint counts as numbers (they stay far below 2^53 here).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10));

export function createPostgresHandle(
  databaseUrl: string,
  poolMax = 10,
  acquireTimeoutMs = 10_000,
): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: poolMax,
    // Bounds the wait for a free connection (and for connecting): a burst queues, an outage
    // still fails fast because a stopped server refuses the connection at once.
    connectionTimeoutMillis: acquireTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle client losing its server emits 'error' on the pool; without a listener it would
  // crash the process. The next checkout reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    async prepared<Row>(name: string, text: string, values: unknown[]) {
      const result = await pool.query({ name, text, values });
      return result.rows as Row[];
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },
  };
}

export async function createPgliteHandle(dir: string): Promise<DatabaseHandle> {
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const client = await PGlite.create(dir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) });
  return {
    db,
    engine: 'pglite',
    // PGlite has one connection, which Kysely's dialect hands out one query or transaction at a
    // time: the "prepared" read must queue there too, never slip into another request's transaction.
    async prepared<Row>(_name: string, text: string, values: unknown[]) {
      const result = await db.executeQuery<Row>(CompiledQuery.raw(text, values));
      return result.rows as Row[];
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl)
    return createPostgresHandle(options.databaseUrl, options.poolMax, options.acquireTimeoutMs);
  return createPgliteHandle(options.pgliteDir ?? 'memory://');
}
