import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { type RunningApp, startTestApp } from '../support/test-app';

describe.each(ENGINES)('foundation over real HTTP (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;
  let webRoot: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    webRoot = mkdtempSync(join(tmpdir(), 'pl-web-'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><title>Phoenix Letters</title><div id="root"></div>',
    );
    running = await startTestApp(database, { BODY_LIMIT_BYTES: '2048' }, { webRoot });
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${running.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${running.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers unknown API routes with a JSON 404 not_found and a request id', async () => {
    const response = await fetch(`${running.url}/api/does-not-exist`);
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe('not_found');
    expect(typeof body.requestId).toBe('string');
    expect(response.headers.get('x-request-id')).toBe(body.requestId);
  });

  it('answers malformed JSON with 400 invalid_request, in the requested language', async () => {
    const response = await fetch(`${running.url}/api/does-not-exist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en-GB,en;q=0.9' },
      body: '{"broken": ',
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toBe('The request is invalid.');
    expect(JSON.stringify(body)).not.toMatch(/stack|at .*\.ts/);
  });

  it('answers an oversize body with 413 payload_too_large', async () => {
    const response = await fetch(`${running.url}/api/does-not-exist`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'x'.repeat(10_000) }),
    });
    expect(response.status).toBe(413);
    expect((await response.json()).error.code).toBe('payload_too_large');
  });

  it('sends security headers: CSP without inline scripts, nosniff, no framing, referrer policy', async () => {
    const response = await fetch(`${running.url}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('sends API answers the REST header set: never cached, never framed, nothing to render', async () => {
    const response = await fetch(`${running.url}/api/me`);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // Decided on the route, not on the text of the URL: a query string or /api/documents too.
    for (const path of ['/api/me?x=1', '/api/documents']) {
      expect((await fetch(`${running.url}${path}`)).headers.get('cache-control')).toBe('no-store');
    }
  });

  it('serves the SPA for client-side routes but never for /api', async () => {
    const page = await fetch(`${running.url}/letters/new`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${running.url}/api/letters/new/unknown`);
    expect(api.headers.get('content-type')).toMatch(/json/);
  });

  it('publishes the OpenAPI document at /api/docs', async () => {
    const json = await fetch(`${running.url}/api/docs/json`);
    expect(json.status).toBe(200);
    expect((await json.json()).openapi).toMatch(/^3\./);
    expect((await fetch(`${running.url}/api/docs/`)).status).toBe(200);
  });

  it('serves many concurrent requests on one database pool (the original blocker cannot recur)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, () => fetch(`${running.url}/readyz`).then((r) => r.status)),
    );
    expect(answers.filter((status) => status === 200)).toHaveLength(200);
  });
});

describe('readiness follows the database', () => {
  it('answers /readyz 503 while /healthz stays 200 when the database is down', async () => {
    const database = await createTestDatabase('pglite');
    const running = await startTestApp(database);
    try {
      await database.close();
      const ready = await fetch(`${running.url}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).error.code).toBe('unavailable');
      expect((await fetch(`${running.url}/healthz`)).status).toBe(200);
    } finally {
      await running.close();
    }
  });
});

describe('start-up with a bad setting', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'pl-data-')) },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it.each([
    ['PORT', 'abc'],
    ['DATABASE_URL', 'nonsense'],
  ])('stops with one clear line naming %s', (name, value) => {
    const result = run({ [name]: value });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid setting ${name}: `));
  });
});
