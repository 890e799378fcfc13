/**
 * Login: argon2id hash time (m=19 MiB, t=2, p=1) in process, and login throughput and latency over
 * HTTP on the embedded database (200 accounts, 16 logins in flight; argon2 dominates).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createArgon2Hasher } from '../server/adapters/security/argon2-hasher';
import { APP_ENTRY, percentile, saveResults, startChild } from './lib';

export async function benchLogin(accounts = Number(process.env.BENCH_LOGIN_ACCOUNTS ?? 200)) {
  const hasher = await createArgon2Hasher();
  const hashTimes: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    await hasher.hash(`password number ${i}`);
    hashTimes.push(performance.now() - start);
  }

  const app = await startChild(
    APP_ENTRY,
    {
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      TRUST_PROXY: 'true',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-bench-login-')),
    },
    '/readyz',
  );
  const ip = (i: number) => `10.9.${Math.floor(i / 250)}.${(i % 250) + 1}`;
  const emails = Array.from({ length: accounts }, (_, i) => `login${i}-${Date.now()}@example.com`);
  const password = 'phrase de passe du benchmark';
  for (let i = 0; i < accounts; i++) {
    await fetch(`${app.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip(i) },
      body: JSON.stringify({
        email: emails[i],
        password,
        displayName: 'Bench',
        language: 'fr',
        acceptPrivacyNotice: true,
        confirmAdult: true,
      }),
    });
  }
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < accounts) {
        const i = next++;
        const t0 = performance.now();
        const response = await fetch(`${app.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip(i) },
          body: JSON.stringify({ email: emails[i], password }),
        });
        await response.arrayBuffer();
        if (response.status !== 200) failures++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await app.stop();
  const result = {
    argon2HashMsP50: +percentile(hashTimes, 50).toFixed(1),
    loginsPerSecond: +(accounts / elapsed).toFixed(1),
    loginP50Ms: Math.round(percentile(latencies, 50)),
    loginP99Ms: Math.round(percentile(latencies, 99)),
    failures,
    concurrency: 16,
  };
  console.table([result]);
  saveResults('login', result);
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchLogin();
