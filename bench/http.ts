/**
 * HTTP throughput at 50 connections: GET /api/me and GET /api/letters (authenticated) on PostgreSQL
 * and PGlite, beside references measured in the same run — bare node:http hello, and node:http with
 * one prepared query (the floor for a read that touches the database) — and Fastify with the same
 * query (the framework's share). Prints ratios.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { APP_ENTRY, type HttpFigure, runAutocannon, saveResults, startChild } from './lib';

const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';

async function signUp(url: string) {
  const account = {
    email: `bench${Date.now()}@example.com`,
    password: 'phrase de passe du benchmark',
    displayName: 'Bench',
    language: 'fr',
    acceptPrivacyNotice: true,
    confirmAdult: true,
  };
  await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  const body = (await login.json()) as { user: { id: string } };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, userId: body.user.id };
}

async function seedLetters(query: (text: string, values: unknown[]) => Promise<unknown>, userId: string) {
  for (let i = 0; i < 10; i++) {
    await query(
      `insert into letters (user_id, title, company, role, language, tone, length, status, request, current_version)
       values ($1, $2, 'Médiane Santé', 'Data Analyst', 'fr', 'formel', 'standard', 'complete', '{}', 1)`,
      [userId, `Lettre ${i}`],
    );
  }
}

export async function benchHttp() {
  const figures: HttpFigure[] = [];
  const hello = await startChild('bench/servers/bare-hello.mjs', {});
  figures.push(await runAutocannon('bare node:http hello', hello.url));
  await hello.stop();

  // PostgreSQL
  const dbName = `pl_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const dbUrl = new URL(ADMIN_URL);
  dbUrl.pathname = `/${dbName}`;
  const common = {
    LOG_LEVEL: 'info',
    JWT_SECRET: SECRET,
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-bench-')),
  };
  const appPg = await startChild(
    APP_ENTRY,
    { ...common, DATABASE_URL: dbUrl.toString(), DATABASE_POOL_MAX: '10' },
    '/readyz',
  );
  const pgUser = await signUp(appPg.url);
  const seed = new pg.Client({ connectionString: dbUrl.toString() });
  await seed.connect();
  await seedLetters((text, values) => seed.query(text, values), pgUser.userId);
  await seed.end();
  const floorPg = await startChild('bench/servers/bare-pg.mjs', {
    DATABASE_URL: dbUrl.toString(),
    USER_ID: pgUser.userId,
  });
  const floorPgFigure = await runAutocannon(
    'bare node:http + 1 prepared query (PostgreSQL floor)',
    floorPg.url,
  );
  figures.push(floorPgFigure);
  await floorPg.stop();
  const fastifyPg = await startChild('bench/servers/fastify-pg.mjs', {
    DATABASE_URL: dbUrl.toString(),
    USER_ID: pgUser.userId,
  });
  const fastifyPgFigure = await runAutocannon('Fastify (no plugins) + 1 prepared query', fastifyPg.url);
  figures.push(fastifyPgFigure);
  await fastifyPg.stop();
  const mePg = await runAutocannon('GET /api/me (PostgreSQL)', `${appPg.url}/api/me`, {
    headers: { cookie: pgUser.cookie },
  });
  const lettersPg = await runAutocannon('GET /api/letters (PostgreSQL)', `${appPg.url}/api/letters`, {
    headers: { cookie: pgUser.cookie },
  });
  figures.push(mePg, lettersPg);
  await appPg.stop();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();

  // PGlite (one process at a time can open its directory)
  const dataDir = mkdtempSync(join(tmpdir(), 'pl-bench-lite-'));
  const appLite = await startChild(APP_ENTRY, { ...common, DATA_DIR: dataDir }, '/readyz');
  const liteUser = await signUp(appLite.url);
  const meLite = await runAutocannon('GET /api/me (PGlite)', `${appLite.url}/api/me`, {
    headers: { cookie: liteUser.cookie },
  });
  const lettersLite = await runAutocannon('GET /api/letters (PGlite)', `${appLite.url}/api/letters`, {
    headers: { cookie: liteUser.cookie },
  });
  await appLite.stop();
  const floorLite = await startChild('bench/servers/bare-pglite.ts', {
    PGLITE_DIR: join(dataDir, 'pglite'),
    USER_ID: liteUser.userId,
  });
  const floorLiteFigure = await runAutocannon('bare node:http + 1 query (PGlite floor)', floorLite.url);
  await floorLite.stop();
  figures.push(floorLiteFigure, meLite, lettersLite);

  const ratios = {
    mePgVsFloor: +(mePg.requestsPerSecond / floorPgFigure.requestsPerSecond).toFixed(2),
    lettersPgVsFloor: +(lettersPg.requestsPerSecond / floorPgFigure.requestsPerSecond).toFixed(2),
    meLiteVsFloor: +(meLite.requestsPerSecond / floorLiteFigure.requestsPerSecond).toFixed(2),
    lettersLiteVsFloor: +(lettersLite.requestsPerSecond / floorLiteFigure.requestsPerSecond).toFixed(2),
    mePgVsHello: +(mePg.requestsPerSecond / figures[0]!.requestsPerSecond).toFixed(2),
    fastifyPgVsFloor: +(fastifyPgFigure.requestsPerSecond / floorPgFigure.requestsPerSecond).toFixed(2),
    mePgVsFastify: +(mePg.requestsPerSecond / fastifyPgFigure.requestsPerSecond).toFixed(2),
  };
  console.table(figures);
  console.table(ratios);
  saveResults('http', { figures, ratios });
  return { figures, ratios };
}

if (import.meta.url === `file://${process.argv[1]}`) await benchHttp();
