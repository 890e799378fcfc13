/** The daily AI spend is summed over recent letter versions: index them by time. */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index letter_versions_created_at_idx on letter_versions (created_at)`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run on any schema
export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists letter_versions_created_at_idx`.execute(db);
}
