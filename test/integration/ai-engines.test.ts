/**
 * The paid AI engines end to end: the real app over HTTP, the real @google/genai and openai SDKs,
 * pointed at fake providers on 127.0.0.1 that speak their wire formats and fail like them.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGemini } from '../fakes/fake-gemini';
import { startFakeOpenAi } from '../fakes/fake-openai';
import type { ScriptedServer } from '../fakes/scripted-server';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp, type TestClient } from '../support/http-client';
import { postLetter, readSse } from '../support/sse';
import { grantPremium, type RunningApp, startTestApp } from '../support/test-app';

const DATA = new URL('../../../shared/data/synthetic/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DATA), 'utf8');
const PAIRS = JSON.parse(text('pairs.json')).pairs as {
  id: string;
  cv: { file: string; name: string; email: string; phone: string | null; address: string | null };
  offer: { file: string };
}[];

const OPTIONS = {
  careerChange: { from: 'infirmier', to: 'data analyst' },
  tone: 'formel',
  length: 'standard',
  language: 'fr',
};

/** Short waits so retries and the breaker show within a test. */
const FAST = {
  baseDelayMs: 5,
  maxDelayMs: 50,
  breakerFailures: 3,
  breakerHalfOpenAfterMs: 300,
  random: () => 0.5,
};

async function generate(running: RunningApp, client: TestClient, pair = PAIRS[0]!) {
  const cv = await client.post('/api/documents', { kind: 'cv', text: text(pair.cv.file) });
  const offer = await client.post('/api/documents', { kind: 'offer', text: text(pair.offer.file) });
  const response = await postLetter(running.url, client.cookieHeader(), {
    cv: { documentId: cv.body.id },
    offer: { documentId: offer.body.id },
    options: OPTIONS,
  });
  const streamed = response.headers.get('content-type')?.includes('event-stream');
  const events = streamed ? await readSse(response) : [];
  return { response, events, last: events.at(-1), body: streamed ? null : await response.json() };
}

const quotaUsed = async (client: TestClient) => (await client.get('/api/plan')).body.quota.used as number;

describe('Gemini through the official SDK against a fake Gemini', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let gemini: ScriptedServer;

  beforeAll(async () => {
    gemini = await startFakeGemini();
    database = await createTestDatabase('pglite');
    running = await startTestApp(
      database,
      { GEMINI_API_KEY: 'fake-key', GEMINI_BASE_URL: gemini.url, AI_TIMEOUT_MS: '1500' },
      { resilience: FAST },
    );
  });
  afterEach(async () => {
    // Replies a test scripted but did not use (a retry cut short by the deadline) must not leak.
    gemini.reset();
    // Let a breaker opened by a test close again before the next one.
    await new Promise((resolve) => setTimeout(resolve, 320));
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
    await gemini?.close();
  });

  it('streams the letter as Gemini writes it, saves it with the model and tokens, counts one letter', async () => {
    const { client } = await signUp(running.url);
    const { response, events, last } = await generate(running, client);
    expect(response.status).toBe(200);
    const chunks = events.filter((e) => e.event === 'chunk');
    expect(chunks.length).toBeGreaterThanOrEqual(8);
    expect(last!.event).toBe('completed');
    expect(last!.data.writtenWithoutAi).toBe(false);
    expect(chunks.map((c) => c.data.text).join('')).toBe(last!.data.content);
    expect(gemini.requests).toHaveLength(1);
    const request = gemini.requests[0]!;
    expect(request.path).toMatch(/^\/v1beta\/models\/gemini-2\.5-flash:streamGenerateContent\?alt=sse$/);
    expect(request.headers['x-goog-api-key']).toBe('fake-key');
    expect(request.body.systemInstruction).toBeDefined();
    expect(request.body.generationConfig.maxOutputTokens).toBeGreaterThan(300);
    expect(request.body.generationConfig.thinkingConfig).toEqual({ thinkingBudget: 0 });
    const versions = await client.get(`/api/letters/${last!.data.id}/versions`);
    expect(versions.body[0]).toMatchObject({ engine: 'gemini', model: 'gemini-fake-001' });
    expect(await quotaUsed(client)).toBe(1);
  });

  it('sends no personal data to Gemini and puts it back in the letter', async () => {
    for (const pair of PAIRS.slice(0, 4)) {
      gemini.requests.length = 0;
      const { client } = await signUp(running.url);
      const { last } = await generate(running, client, pair);
      expect(last!.event).toBe('completed');
      const sent = gemini.requests[0]!.prompt;
      const personal = [pair.cv.email, pair.cv.phone, pair.cv.address, pair.cv.name].filter(
        (value): value is string => Boolean(value),
      );
      expect(personal.length).toBeGreaterThanOrEqual(3);
      for (const value of personal) {
        expect(sent, `${pair.id}: ${value.length} chars leaked`).not.toContain(value);
      }
      expect(sent).toMatch(/\[NAME_1\]/);
      // The fake signs with the placeholder it received: the user sees their own name.
      expect(last!.data.content.trim().endsWith(pair.cv.name)).toBe(true);
      expect(last!.data.content).not.toMatch(/\[(NAME|EMAIL|PHONE)_\d+\]/);
    }
  });

  it('waits as long as a 429 asks, then writes the letter (three requests, one letter counted)', async () => {
    gemini.script({ status: 429, retryAfterSeconds: 0.2 }, { status: 503 });
    const { client } = await signUp(running.url);
    const startedAt = Date.now();
    const { last } = await generate(running, client);
    expect(last!.event).toBe('completed');
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(200);
    expect(gemini.requests).toHaveLength(3);
    expect(await quotaUsed(client)).toBe(1);
  });

  it('gives up after three failures with ai_unavailable, keeps nothing charged, leaves the letter failed', async () => {
    gemini.script({ status: 500 }, { status: 500 }, { status: 500 });
    const { client } = await signUp(running.url);
    const { last } = await generate(running, client);
    expect(last!.event).toBe('failed');
    expect(last!.data.error.code).toBe('ai_unavailable');
    expect(last!.data.error.message).toMatch(/Rien n’a été décompté/);
    expect(gemini.requests).toHaveLength(3);
    expect(await quotaUsed(client)).toBe(0);
    const [letter] = (await client.get('/api/letters')).body;
    expect(letter.status).toBe('failed');
  });

  it('does not retry a request Gemini rejects (400)', async () => {
    gemini.script({ status: 400 });
    const { client } = await signUp(running.url);
    const { last } = await generate(running, client);
    expect(last!.data.error).toMatchObject({
      code: 'ai_unavailable',
      details: { reason: 'provider_rejected' },
    });
    expect(gemini.requests).toHaveLength(1);
  });

  it.each([
    ['a safety block', 'safety'],
    ['a letter cut by the token limit', 'length'],
  ] as const)('refuses %s as ai_bad_output without charging', async (_label, finish) => {
    gemini.script({ finish });
    const { client } = await signUp(running.url);
    const { last } = await generate(running, client);
    expect(last!.event).toBe('failed');
    expect(last!.data.error.code).toBe('ai_bad_output');
    expect(gemini.requests).toHaveLength(1);
    expect(await quotaUsed(client)).toBe(0);
  });

  it('treats a stream dropped mid-letter as failed, never as a complete letter', async () => {
    gemini.script({ cutAfterChunks: 3 });
    const { client } = await signUp(running.url);
    const { events, last } = await generate(running, client);
    expect(events.filter((e) => e.event === 'chunk').length).toBeGreaterThan(0);
    // Text already reached the user: the call is not retried behind their back.
    expect(gemini.requests).toHaveLength(1);
    expect(last!.event).toBe('failed');
    expect(['ai_bad_output', 'ai_unavailable']).toContain(last!.data.error.code);
    expect(await quotaUsed(client)).toBe(0);
  });

  it('times out a silent Gemini instead of hanging the user', async () => {
    gemini.script({ hang: true }, { hang: true }, { hang: true });
    const { client } = await signUp(running.url);
    const startedAt = Date.now();
    const { last } = await generate(running, client);
    expect(last!.data.error).toMatchObject({ code: 'ai_unavailable', details: { reason: 'timeout' } });
    // One deadline (2 × AI_TIMEOUT_MS) bounds the whole call, retries included.
    expect(Date.now() - startedAt).toBeLessThan(4_500);
  });

  it('opens the breaker after repeated failures (Gemini spared), then closes it once Gemini is back', async () => {
    const { client } = await signUp(running.url);
    // A letter written while Gemini is fine, with an Idempotency-Key.
    const cv = await client.post('/api/documents', { kind: 'cv', text: text(PAIRS[0]!.cv.file) });
    const offer = await client.post('/api/documents', { kind: 'offer', text: text(PAIRS[0]!.offer.file) });
    const body = { cv: { documentId: cv.body.id }, offer: { documentId: offer.body.id }, options: OPTIONS };
    const key = { 'idempotency-key': `breaker-${Date.now()}` };
    const written = await readSse(await postLetter(running.url, client.cookieHeader(), body, key));
    expect(written.at(-1)!.event).toBe('completed');
    gemini.fallback = { status: 503 };
    await generate(running, client); // three failed attempts open the breaker
    const seen = gemini.requests.length;
    const lettersBefore = (await client.get('/api/letters')).body.length;
    const fast = await generate(running, client);
    // Refused before anything is written: a plain 503 with the wait, no letter row, nothing charged.
    expect(fast.response.status).toBe(503);
    expect(fast.body.error).toMatchObject({ code: 'ai_unavailable', details: { reason: 'circuit_open' } });
    expect(Number(fast.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await client.get('/api/letters')).body.length).toBe(lettersBefore);
    // A retry of the letter already written is replayed: it needs no provider.
    const replayed = await readSse(await postLetter(running.url, client.cookieHeader(), body, key));
    expect(replayed.at(-1)!.event).toBe('completed');
    expect(gemini.requests.length).toBe(seen);
    gemini.fallback = {};
    await new Promise((resolve) => setTimeout(resolve, 350));
    const back = await generate(running, client);
    expect(back.last!.event).toBe('completed');
    expect(await quotaUsed(client)).toBe(2);
  });

  it('rewords the transferable skills with Gemini structured output, keeping the CV evidence', async () => {
    const premium = await signUp(running.url);
    await grantPremium(running, premium.user.id);
    gemini.fallback = {
      text: JSON.stringify({ skills: [{ index: 0, skill: 'Analyse de données de santé' }] }),
    };
    const result = await premium.client.post('/api/analyses/transferable-skills', {
      cvText: text('cv-01.txt'),
      offerText: text('offer-01.txt'),
      from: OPTIONS.careerChange.from,
      to: OPTIONS.careerChange.to,
      language: 'fr',
    });
    expect(result.status).toBe(200);
    expect(gemini.requests[0]!.path).toMatch(/:generateContent$/);
    expect(gemini.requests[0]!.body.generationConfig.responseMimeType).toBe('application/json');
    const skills = result.body.result.skills as { skill: string; evidence: string }[];
    expect(skills[0]!.skill).toBe('Analyse de données de santé');
    for (const skill of skills) expect(text('cv-01.txt')).toContain(skill.evidence.slice(0, 30));
  });
  it('enriches the coach, Mirror Match and the trajectory with validated model wording, redacted', async () => {
    const premium = await signUp(running.url);
    await grantPremium(running, premium.user.id);
    const pair = PAIRS[0]!;
    const letterText = `Madame, Monsieur,\n\nJe me permets de vous adresser ma candidature. Dynamique et motivé, je suis un vrai team player.\n\nJe vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.\n\n${pair.cv.name}`;
    gemini.fallback = {
      text: JSON.stringify({
        rewrites: [{ index: 0, rewrite: 'Infirmier devenu analyste, je candidate au poste.' }],
      }),
    };
    const coach = await premium.client.post('/api/analyses/coach', {
      letterText,
      cvText: text(pair.cv.file),
      offerText: text(pair.offer.file),
      language: 'fr',
    });
    expect(coach.status).toBe(200);
    const findings = coach.body.result.findings as { sentence: unknown; rewrite?: string }[];
    expect(findings.find((f) => f.rewrite)?.rewrite).toBe(
      'Infirmier devenu analyste, je candidate au poste.',
    );
    // Only findings that point at a sentence get a rewrite; the deterministic fields are all there.
    for (const finding of findings) if (finding.rewrite) expect(finding.sentence).not.toBeNull();
    expect(coach.body.result.overall).toBeGreaterThan(0);
    expect(gemini.requests.at(-1)!.prompt).not.toContain(pair.cv.name);

    gemini.fallback = {
      text: JSON.stringify({ text: 'Une culture hospitalière, exigeante et bienveillante.' }),
    };
    const mirror = await premium.client.post('/api/analyses/mirror', {
      offerText: text(pair.offer.file),
      language: 'fr',
    });
    expect(mirror.body.result.cultureSummary).toBe('Une culture hospitalière, exigeante et bienveillante.');
    expect(mirror.body.result.register.formality.value).toMatch(/formal|informal/);

    gemini.fallback = {
      text: JSON.stringify({ text: 'Commencez par SQL : c’est l’écart le plus demandé.' }),
    };
    const trajectory = await premium.client.post('/api/analyses/trajectory', {
      cvText: text(pair.cv.file),
      offerText: text(pair.offer.file),
      from: 'infirmier',
      to: 'data analyst',
      language: 'fr',
    });
    expect(trajectory.body.result.advice).toBe('Commencez par SQL : c’est l’écart le plus demandé.');
    expect(trajectory.body.result.steps.length).toBeGreaterThanOrEqual(3);

    // An answer that does not fit the schema (too short) twice: the report comes back as computed.
    gemini.fallback = { text: JSON.stringify({ text: 'ok' }) };
    const before = gemini.requests.length;
    const plain = await premium.client.post('/api/analyses/mirror', {
      offerText: text('offer-02.txt'),
      language: 'fr',
    });
    expect(plain.status).toBe(200);
    expect(plain.body.result.cultureSummary).toBeUndefined();
    expect(gemini.requests.length - before).toBe(2);
    // That report was not kept: once the model answers, the next request gets the enriched one, kept.
    gemini.fallback = { text: JSON.stringify({ text: 'Une équipe associative, proche du terrain.' }) };
    const again = await premium.client.post('/api/analyses/mirror', {
      offerText: text('offer-02.txt'),
      language: 'fr',
    });
    expect(again.body).toMatchObject({
      cached: false,
      result: { cultureSummary: 'Une équipe associative, proche du terrain.' },
    });
    const kept = await premium.client.post('/api/analyses/mirror', {
      offerText: text('offer-02.txt'),
      language: 'fr',
    });
    expect(kept.body.cached).toBe(true);
  });

  it('suggests the requirements the rules missed in a prose offer: word for word, redacted, nothing saved', async () => {
    const { client, user } = await signUp(running.url);
    await grantPremium(running, user.id);
    const offerText = [
      'Data Analyst (H/F) — Médiane Santé, Toulouse',
      '',
      'Rejoignez Médiane Santé comme Data Analyst. Vous construirez des tableaux de bord pour les équipes soignantes.',
      'Nos analystes certifiés Tableau vous accompagneront. Une solide pratique de SQL est indispensable.',
      'Écrivez à Marie Durand, marie.durand@mediane.fr, 05 61 00 00 00.',
    ].join('\n');
    const offer = await client.post('/api/documents', { kind: 'offer', text: offerText });
    expect(offer.status).toBe(201);
    gemini.fallback = {
      text: JSON.stringify({
        mustHave: ['solide pratique de SQL', 'permis B'],
        niceToHave: ['certifiés Tableau', 'maîtrise de Python'],
      }),
    };
    const suggested = await client.post(`/api/documents/${offer.body.id}/requirements`);
    expect(suggested.status).toBe(200);
    expect(suggested.body.engine).toBe('ai');
    // Invented phrases (not in the offer) are dropped; the one the rules missed is suggested.
    expect(suggested.body.niceToHave).toContain('certifiés Tableau');
    const all = [...suggested.body.mustHave, ...suggested.body.niceToHave] as string[];
    expect(all).not.toContain('permis B');
    expect(all).not.toContain('maîtrise de Python');
    // The offer's contact details never reach the provider.
    const prompt = gemini.requests.at(-1)!.prompt;
    expect(prompt).not.toContain('marie.durand@mediane.fr');
    expect(prompt).not.toContain('05 61 00 00 00');
    // Nothing saved: the document still holds the rules' reading until the user accepts.
    const stored = await client.get(`/api/documents/${offer.body.id}`);
    expect(JSON.stringify(stored.body)).not.toContain('certifiés Tableau"');
    // A CV is not an offer.
    const cv = await client.post('/api/documents', { kind: 'cv', text: text(PAIRS[0]!.cv.file) });
    expect((await client.post(`/api/documents/${cv.body.id}/requirements`)).status).toBe(422);
  });

  it('keeps the deterministic skills when the model answers malformed JSON twice', async () => {
    const premium = await signUp(running.url);
    const request = {
      cvText: text('cv-01.txt'),
      offerText: text('offer-01.txt'),
      from: OPTIONS.careerChange.from,
      to: 'analyste de données',
      language: 'fr',
    };
    gemini.fallback = { text: '{"skills": [{"index": 0, "skill": ' };
    const result = await premium.client.post('/api/analyses/transferable-skills', request);
    expect(result.status).toBe(200);
    // One answer, one repair request, then the deterministic result stands.
    expect(gemini.requests).toHaveLength(2);
    expect(gemini.requests[1]!.prompt).toMatch(/not valid JSON/);
    const skills = result.body.result.skills as { skill: string; evidence: string }[];
    expect(skills.length).toBeGreaterThan(0);
    for (const skill of skills) expect(text('cv-01.txt')).toContain(skill.evidence.slice(0, 30));
  });
});

describe('an OpenAI-compatible endpoint through the official SDK against a fake', () => {
  let database: TestDatabase;
  let running: RunningApp;
  let openai: ScriptedServer;

  beforeAll(async () => {
    openai = await startFakeOpenAi();
    database = await createTestDatabase('pglite');
    running = await startTestApp(
      database,
      { AI_PROVIDER: 'openai', OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_MODEL: 'mistral-small-latest' },
      { resilience: FAST },
    );
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
    await openai?.close();
  });

  it('streams a letter, with usage, from a model that is not OpenAI', async () => {
    const { client } = await signUp(running.url);
    const { last } = await generate(running, client);
    expect(last!.event).toBe('completed');
    const request = openai.requests.at(-1)!;
    expect(request.body).toMatchObject({ model: 'mistral-small-latest', stream: true });
    expect(request.body.messages.map((m: { role: string }) => m.role)).toEqual(['system', 'user']);
    const versions = await client.get(`/api/letters/${last!.data.id}/versions`);
    expect(versions.body[0]).toMatchObject({ engine: 'openai', model: 'fake-model' });
    expect(versions.body[0].tokensOut).toBeGreaterThan(50);
  });

  it('honours Retry-After on a 429, and refuses a letter cut by the length limit', async () => {
    openai.script({ status: 429, retryAfterSeconds: 0.1 });
    const { client } = await signUp(running.url);
    const before = openai.requests.length;
    expect((await generate(running, client)).last!.event).toBe('completed');
    expect(openai.requests.length - before).toBe(2);
    openai.script({ finish: 'length' });
    expect((await generate(running, client)).last!.data.error.code).toBe('ai_bad_output');
    expect(await quotaUsed(client)).toBe(1);
  });
});

describe.each(ENGINES)('cost controls on a paid engine (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;
  let gemini: ScriptedServer;

  beforeAll(async () => {
    gemini = await startFakeGemini();
    database = await createTestDatabase(engine);
    running = await startTestApp(
      database,
      { GEMINI_API_KEY: 'fake-key', GEMINI_BASE_URL: gemini.url },
      { resilience: FAST },
    );
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
    await gemini?.close();
  });

  it('allows one letter in flight per user: a second one answers generation_in_progress (409)', async () => {
    gemini.fallback = { chunks: 10, chunkDelayMs: 60 };
    const { client, user } = await signUp(running.url);
    // Premium, so that the free plan's two letters are not what stops the third request.
    await grantPremium(running, user.id);
    const first = generate(running, client);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const second = await generate(running, client);
    expect(second.response.status).toBe(409);
    expect(second.body.error.code).toBe('generation_in_progress');
    expect((await first).last!.event).toBe('completed');
    gemini.fallback = {};
    expect((await generate(running, client)).last!.event).toBe('completed');
  });

  it('stops a user at the daily token ceiling (429), then every user at the global one (503)', async () => {
    // A fresh database, so that the day's spend is only this test's.
    const own = await createTestDatabase(engine);
    const paid = { GEMINI_API_KEY: 'fake-key', GEMINI_BASE_URL: gemini.url };
    const first = await startTestApp(own, { ...paid, AI_DAILY_TOKENS_PER_USER: '1' }, { resilience: FAST });
    const heavy = await signUp(first.url);
    expect((await generate(first, heavy.client)).last!.event).toBe('completed');
    const refused = await generate(first, heavy.client);
    expect(refused.response.status).toBe(429);
    expect(refused.body.error.code).toBe('ai_budget_exceeded');
    expect(Number(refused.response.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(refused.body.error.details.resetsAt).toMatch(/T00:00:00\.000Z$/);
    const [letter] = (await heavy.client.get('/api/letters')).body;
    const [version] = (await heavy.client.get(`/api/letters/${letter.id}/versions`)).body;
    const spent = version.tokensIn + version.tokensOut;
    expect(spent).toBeGreaterThan(100);
    await first.close();
    // Room for one more letter in the whole service, then nobody writes until tomorrow.
    const second = await startTestApp(
      own,
      { ...paid, AI_DAILY_TOKENS_TOTAL: String(spent + 1) },
      { resilience: FAST },
    );
    try {
      expect((await generate(second, (await signUp(second.url)).client)).last!.event).toBe('completed');
      const stopped = await generate(second, (await signUp(second.url)).client);
      expect(stopped.response.status).toBe(503);
      expect(stopped.body.error).toMatchObject({
        code: 'ai_unavailable',
        details: { reason: 'daily_budget' },
      });
      expect(Number(stopped.response.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await second.close();
      await own.dispose();
    }
  });
});
