import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases';
import { signUp, type TestClient } from '../support/http-client';
import { type RunningApp, startTestApp } from '../support/test-app';

/** Hostile JSON: wrong types, huge strings, control characters, lone surrogates, deep nesting. */
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: false }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({
    unit: fc.constantFrom('\u0000', '\u0007', '\u202e', '\ud800', '\udfff', 'é', '"', '\\'),
    maxLength: 200,
  }),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 10, max: 3_000 }).map((depth) => JSON.parse('['.repeat(depth) + ']'.repeat(depth))),
);
const hostileBody = fc.oneof(
  hostileValue,
  fc.dictionary(
    fc.constantFrom(
      'email',
      'password',
      'text',
      'kind',
      'token',
      'code',
      'url',
      'displayName',
      'language',
      'newPassword',
      'currentPassword',
      'newEmail',
      '__proto__',
      'constructor',
    ),
    hostileValue,
    { maxKeys: 6 },
  ),
);

const JSON_ENDPOINTS: [string, string][] = [
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/password-reset'],
  ['POST', '/api/auth/password-reset/confirm'],
  ['POST', '/api/auth/verify-email/confirm'],
  ['POST', '/api/auth/change-email/confirm'],
  ['PATCH', '/api/me'],
  ['POST', '/api/me/password'],
  ['POST', '/api/me/email'],
  ['POST', '/api/plan/beta-code'],
  ['POST', '/api/documents'],
  ['POST', '/api/offers/import'],
  ['PATCH', '/api/documents/00000000-0000-4000-8000-000000000000'],
];

describe('hostile bodies never produce a 5xx', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let client: TestClient;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    running = await startTestApp(database);
    client = (await signUp(running.url)).client;
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  it.each(JSON_ENDPOINTS)('%s %s', async (method, path) => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        let serialized: string;
        try {
          serialized = JSON.stringify(body) ?? 'null';
        } catch {
          serialized = '{}';
        }
        const response = await client.request(method, path, {
          body: serialized,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status, `${method} ${path} ${serialized.slice(0, 120)}`).toBeLessThan(500);
        if (response.status >= 400) expect(typeof response.body.error?.code).toBe('string');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40), seed: 2026 },
    );
  });

  it('survives raw invalid UTF-8 and non-JSON bytes', async () => {
    for (const bytes of [
      Buffer.from([0xff, 0xfe, 0x7b, 0x22, 0xc3]),
      Buffer.from('{"email": "\u0000"'),
      Buffer.alloc(2_000, 0x5b),
    ]) {
      const response = await client.request('POST', '/api/auth/login', {
        body: bytes,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBeLessThan(500);
    }
  });
});
