/** Starts the real server (`server/main.ts`) as a child process on a free port, as a user would. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from './databases';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-data-')),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early: ${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    output: () => output,
    stop(signal = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

/**
 * A server whose database already holds a beta-tester code (5 uses, 30 days). The code must exist
 * before the server opens the database, since PGlite is opened by one process at a time: the admin
 * CLI creates it first in the server's data directory — or, when TEST_DATABASE_URL is set, in a
 * throwaway PostgreSQL database that the server then uses.
 */
export async function startServerWithBetaCode(
  code: string,
): Promise<{ server: ServerProcess; database: TestDatabase | undefined }> {
  if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build` first');
  const env: Record<string, string> = { DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-e2e-')) };
  let database: TestDatabase | undefined;
  if (process.env.TEST_DATABASE_URL) {
    database = await createTestDatabase('postgres');
    env.DATABASE_URL = database.url!;
  }
  const args = ['create-beta-code', '--uses', '5', '--days', '30', '--expires', '2030-01-01', '--code', code];
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'server/admin-cli.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });
  return { server: await startServerProcess(env), database };
}
