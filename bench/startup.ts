/**
 * Cold start: time from `npm start` (web already built) to the first 200 from /readyz, with an
 * empty data directory (the embedded database runs initdb and migrations) and with an existing one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, percentile, saveResults } from './lib';

async function timeToReady(dataDir: string, extraEnv: Record<string, string> = {}): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200)
          return performance.now() - started;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - started > 60_000) throw new Error('server did not become ready');
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (child.exitCode === null) {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}

export async function benchStartup(runs = Number(process.env.BENCH_STARTUP_RUNS ?? 3)) {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dataDir = mkdtempSync(join(tmpdir(), 'pl-start-'));
    cold.push(await timeToReady(dataDir));
    warm.push(await timeToReady(dataDir));
  }
  const result = {
    embeddedColdMs: Math.round(percentile(cold, 50)),
    embeddedWarmMs: Math.round(percentile(warm, 50)),
    runs,
    samples: { cold: cold.map(Math.round), warm: warm.map(Math.round) },
  };
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (postgresUrl) {
    const pgRuns: number[] = [];
    for (let i = 0; i < runs; i++)
      pgRuns.push(await timeToReady(mkdtempSync(join(tmpdir(), 'pl-start-')), { DATABASE_URL: postgresUrl }));
    Object.assign(result, { postgresMs: Math.round(percentile(pgRuns, 50)) });
  }
  console.table([result]);
  saveResults('startup', result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStartup();
