/** Builds the real app on a test database and serves it on 127.0.0.1 for real HTTP requests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeAppDeps, type Overrides } from '../../server/compose';
import { loadConfig } from '../../server/config';
import type { AppDeps } from '../../server/http/app';
import { type App, buildApp } from '../../server/http/app';
import type { MailMessage } from '../../server/ports/mailer';
import type { TestDatabase } from './databases';

export interface RunningApp {
  app: App;
  url: string;
  deps: AppDeps;
  /** Mail "sent" by the app, newest last. */
  outbox: MailMessage[];
  close(): Promise<void>;
}

/** Cheaper argon2 for tests that hash many passwords; the production parameters are tested separately. */
export const FAST_ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export async function startTestApp(
  database: TestDatabase,
  env: Record<string, string> = {},
  overrides: Overrides = {},
): Promise<RunningApp> {
  const config = loadConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-test-')),
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    TRUST_PROXY: 'true',
    OFFLINE_STREAM_DELAY_MS: '0',
    ...env,
  });
  const outbox: MailMessage[] = [];
  const deps = await composeAppDeps(config, database, {
    mailer: { send: async (message) => void outbox.push(message) },
    log: (_level, message, error) => {
      if (process.env.TEST_LOG) console.error(message, error);
    },
    ...overrides,
  });
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, deps, outbox, close: () => app.close() };
}

/** Makes a user Premium from now on, as `npm run admin -- grant` would. */
export function grantPremium(running: Pick<RunningApp, 'deps'>, userId: string): Promise<unknown> {
  return running.deps.plans.entitlements.grant({
    userId,
    source: 'admin',
    startsAt: new Date(Date.now() - 1000),
    endsAt: null,
  });
}
