import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp, type TestClient } from '../support/http-client';
import { readSynthetic } from '../support/shared-data';
import { grantPremium, type RunningApp, startTestApp } from '../support/test-app';

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
      // Valid JSON nested 100,000 deep: parsed fine, then refused (400), never recursed into a 500.
      Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      Buffer.from(`{"email":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
    ]) {
      const response = await client.request('POST', '/api/auth/login', {
        body: bytes,
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBeLessThan(500);
    }
  });
});

/** Sets `value` at `path` inside a copy of `template` (paths are dot-separated keys). */
function withField(template: Record<string, unknown>, path: string, value: unknown) {
  const copy = structuredClone(template);
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

/** Every path to a leaf or a subtree of a body: the places a hostile value can go. */
function pathsOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return prefix ? [prefix] : [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...pathsOf(child, path)];
  });
}

describe.each(ENGINES)('near-valid bodies (one hostile field) never produce a 5xx (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;
  let client: TestClient;
  let letterId: string;
  let documentId: string;
  const cvText = readSynthetic('cv-03.txt');
  const offerText = readSynthetic('offer-03.txt');
  const options = { careerChange: { from: 'comptable', to: 'data analyst' }, tone: 'sobre', language: 'fr' };

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    running = await startTestApp(database);
    const signed = await signUp(running.url);
    client = signed.client;
    await grantPremium(running, signed.user.id);
    const generated = await client.request('POST', '/api/letters', {
      json: { cv: { text: cvText }, offer: { text: offerText }, options },
    });
    letterId = /"letterId":"([0-9a-f-]{36})"/.exec(generated.text)?.[1] ?? '';
    expect(letterId).not.toBe('');
    documentId = (await client.post('/api/documents', { kind: 'offer', text: offerText })).body.id;
    expect(documentId).toBeTruthy();
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  const analysis = () => ({
    cvText,
    offerText,
    letterId,
    tone: 'sobre',
    language: 'fr',
    from: 'comptable',
    to: 'data',
  });
  const cases: [string, () => string, () => Record<string, unknown>][] = [
    ['POST', () => '/api/letters', () => ({ cv: { text: cvText }, offer: { text: offerText }, options })],
    ['PATCH', () => `/api/letters/${letterId}`, () => ({ title: 'Titre', content: 'Madame, Monsieur,' })],
    ['POST', () => `/api/letters/${letterId}/restore`, () => ({ version: 1 })],
    ['POST', () => `/api/letters/${letterId}/duplicate`, () => ({ title: 'Copie' })],
    ['POST', () => `/api/letters/${letterId}/regenerate`, () => ({ options })],
    [
      'PATCH',
      () => `/api/documents/${documentId}`,
      () => ({ title: 'Offre', text: offerText, corrections: { title: 'Data analyst', company: 'Médiane' } }),
    ],
    ['DELETE', () => '/api/me', () => ({ password: 'pas le bon mot de passe' })],
    ['POST', () => '/api/analyses/ats', analysis],
    ['POST', () => '/api/analyses/mirror', analysis],
    ['POST', () => '/api/analyses/coach', analysis],
    ['POST', () => '/api/analyses/trajectory', analysis],
    ['POST', () => '/api/analyses/transferable-skills', analysis],
  ];

  it.each(cases)('%s %s', async (method, path, template) => {
    const body = template();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...pathsOf(body)), hostileValue, async (field, value) => {
        let serialized: string;
        try {
          serialized = JSON.stringify(withField(body, field, value)) ?? 'null';
        } catch {
          serialized = '{}';
        }
        const response = await client.request(method, path(), {
          body: serialized,
          headers: { 'content-type': 'application/json' },
        });
        expect(response.status, `${method} ${path()} ${field}=${serialized.slice(0, 120)}`).toBeLessThan(500);
        if (response.status >= 400) expect(typeof response.body.error?.code).toBe('string');
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 25), seed: 2026 },
    );
  });
});
