/** `npm run db:migrate`: applies pending migrations to the configured database and exits. */
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { createDatabase } from './database';
import { migrateToLatest } from './migrator';

const config = loadConfig();
const handle = await createDatabase({
  databaseUrl: config.DATABASE_URL,
  pgliteDir: join(config.DATA_DIR, 'pglite'),
});
try {
  const applied = await migrateToLatest(handle.db);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await handle.close();
}
