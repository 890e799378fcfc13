/**
 * Composition root: config → adapters → services → app → listen. The only place that picks
 * adapters from the configuration; one event loop, one database pool, created here and passed down.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from './adapters/db/database';
import { ConfigError, loadConfig } from './config';

/** The project root (where package.json is), whether running from server/ (tsx) or dist/server/ (bundle). */
function findProjectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

const repoRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    if (existsSync('.env')) process.loadEnvFile('.env');
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  // The embedded database compiles its WebAssembly in the background while the rest of the
  // server's modules load: started first, awaited last (half a second off a warm start).
  const opening = createDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDir: join(config.DATA_DIR, 'pglite'),
    poolMax: config.DATABASE_POOL_MAX,
    acquireTimeoutMs: config.DATABASE_ACQUIRE_TIMEOUT_MS,
  });
  opening.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const [{ migrateToLatest }, { composeAppDeps }, { buildApp }, { systemClock }, { purgeExpiredData }] =
    await Promise.all([
      import('./adapters/db/migrator'),
      import('./compose'),
      import('./http/app'),
      import('./ports/clock'),
      import('./services/privacy/retention'),
    ]);
  const database = await opening;
  await migrateToLatest(database.db);

  let shuttingDown = false;
  const deps = await composeAppDeps(config, database, {
    isShuttingDown: () => shuttingDown,
    webRoot: join(repoRoot, 'dist', 'web'),
  });
  const app = await buildApp(deps);

  await app.listen({ host: config.HOST, port: config.PORT });

  // Hourly housekeeping: retention of inactive accounts' documents, spent tokens, old sessions.
  const housekeeping = setInterval(() => {
    purgeExpiredData(database.db, systemClock, { inactiveMonths: config.RETENTION_INACTIVE_MONTHS })
      .then((report) => app.log.info({ retention: report }, 'retention job done'))
      .catch((error) => app.log.error({ err: error }, 'retention job failed'));
  }, 3_600_000);
  housekeeping.unref();

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    clearInterval(housekeeping);
    app.log.info({ signal }, 'shutting down: no new requests, finishing in-flight ones');
    const deadline = setTimeout(() => {
      app.log.warn('grace period over: closing remaining connections');
      app.server.closeAllConnections();
    }, config.SHUTDOWN_GRACE_SECONDS * 1000);
    deadline.unref();
    try {
      await app.close();
    } finally {
      clearTimeout(deadline);
      await deps.auth.rateLimiter.close?.();
      await database.close();
      app.log.info('stopped');
      process.exit(0);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

await main();
