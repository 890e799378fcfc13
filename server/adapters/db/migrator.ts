/** Runs the committed migrations (statically imported, so they work from any build). */
import { type Kysely, type Migration, Migrator } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as aiSpendIndex from './migrations/0002-ai-spend-index';

const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-ai-spend-index': aiSpendIndex,
};

/** Applies every pending migration; throws with the failing migration's name. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
