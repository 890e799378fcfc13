/** Shared helpers for the benchmarks: child servers, autocannon runs, percentiles, the results file. */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import autocannon from 'autocannon';
import { freePort } from '../test/support/server-process';

export { freePort };

export interface HttpFigure {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

export async function runAutocannon(
  name: string,
  url: string,
  options: {
    headers?: Record<string, string>;
    connections?: number;
    duration?: number;
    method?: 'GET' | 'POST';
    body?: string;
  } = {},
): Promise<HttpFigure> {
  const settings = {
    url,
    connections: options.connections ?? 50,
    headers: options.headers ?? {},
    method: options.method ?? 'GET',
    ...(options.body ? { body: options.body } : {}),
  };
  // Every server, reference or ours, gets the same unmeasured warm-up: the first second of a cold
  // process (JIT, connection pool filling) would otherwise weigh on an 8-second average.
  const warmUp = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
  if (warmUp > 0) await autocannon({ ...settings, duration: warmUp });
  const result = await autocannon({
    ...settings,
    duration: options.duration ?? Number(process.env.BENCH_SECONDS ?? 8),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** What `npm start` runs: the built server (rebuilt when stale), as users and operators run it. */
export const APP_ENTRY = 'scripts/start.mjs';

/** Starts a script as a child process on a free port and waits until it answers `readyPath`. */
export async function startChild(
  script: string,
  env: Record<string, string>,
  readyPath = '/',
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const isTs = script.endsWith('.ts');
  const child = isTs
    ? spawn(process.execPath, ['--import', 'tsx', script, ...args], {
        env: { ...process.env, ...env, PORT: String(port) },
        stdio: 'inherit',
      })
    : fork(script, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url + readyPath);
      if (response.status < 500) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline) throw new Error(`${script} did not start`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function machine() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

const RESULTS = new URL('./results.json', import.meta.url);

/** Merges one section into bench/results.json. */
export function saveResults(section: string, data: unknown) {
  const current = existsSync(RESULTS) ? JSON.parse(readFileSync(RESULTS, 'utf8')) : {};
  current.machine = machine();
  current.updatedAt = new Date().toISOString();
  current[section] = data;
  writeFileSync(RESULTS, `${JSON.stringify(current, null, 2)}\n`);
}
