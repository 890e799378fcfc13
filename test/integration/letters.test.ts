import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp, type TestClient } from '../support/http-client';
import { postLetter, readSse } from '../support/sse';
import { grantPremium, type RunningApp, startTestApp } from '../support/test-app';

const DATA = new URL('../../../shared/data/synthetic/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

const OPTIONS = {
  careerChange: { from: 'infirmier', to: 'data analyst' },
  tone: 'formel',
  length: 'standard',
  language: 'fr',
  answers: { learningNow: 'Je prépare la certification DAX en autoformation.' },
  city: 'Toulouse',
};

async function setUp(running: RunningApp) {
  const session = await signUp(running.url);
  const cv = await session.client.post('/api/documents', { kind: 'cv', text: text('cv-01.txt') });
  const offer = await session.client.post('/api/documents', { kind: 'offer', text: text('offer-01.txt') });
  return { ...session, cvId: cv.body.id as string, offerId: offer.body.id as string };
}

async function generate(
  running: RunningApp,
  client: TestClient,
  cvId: string,
  offerId: string,
  key?: string,
) {
  const response = await postLetter(
    running.url,
    client.cookieHeader(),
    { cv: { documentId: cvId }, offer: { documentId: offerId }, options: OPTIONS },
    key ? { 'idempotency-key': key } : {},
  );
  const events = response.headers.get('content-type')?.includes('event-stream')
    ? await readSse(response)
    : [];
  return { response, events, body: events.length ? null : await response.json() };
}

describe.each(ENGINES)('letters end to end with the offline engine (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    running = await startTestApp(database);
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  it('streams a letter, saves it as version 1 and counts one letter', async () => {
    const { client, cvId, offerId } = await setUp(running);
    const { response, events } = await generate(running, client, cvId, offerId);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    // The API's security headers reach the stream too, and nothing on the way may store it.
    expect(response.headers.get('cache-control')).toMatch(/no-store/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(events[0]!.event).toBe('started');
    const chunks = events.filter((e) => e.event === 'chunk');
    expect(chunks.length).toBeGreaterThan(5);
    const completed = events.at(-1)!;
    expect(completed.event).toBe('completed');
    expect(completed.data.status).toBe('complete');
    expect(completed.data.writtenWithoutAi).toBe(true);
    expect(chunks.map((c) => c.data.text).join('')).toBe(completed.data.content);
    expect(completed.data.content).toContain('Médiane Santé');
    expect(completed.data.content).toMatch(/Madame, Monsieur/);
    const letter = await client.get(`/api/letters/${completed.data.id}`);
    expect(letter.body.currentVersion).toBe(1);
    expect((await client.get('/api/plan')).body.quota.used).toBe(1);
    expect((await client.get('/api/letters')).body).toHaveLength(1);
  });

  it('returns the same letter for a retried request with the same Idempotency-Key, charged once', async () => {
    const { client, cvId, offerId } = await setUp(running);
    const key = randomUUID();
    const first = await generate(running, client, cvId, offerId, key);
    const retry = await generate(running, client, cvId, offerId, key);
    expect(retry.events[0]!.data).toMatchObject({ letterId: first.events[0]!.data.letterId, replay: true });
    expect(retry.events.at(-1)!.data.content).toBe(first.events.at(-1)!.data.content);
    expect((await client.get('/api/plan')).body.quota.used).toBe(1);
    expect((await client.get('/api/letters')).body).toHaveLength(1);
  });

  it('refuses the third free letter of the month with quota_exceeded and the reset date', async () => {
    const { client, cvId, offerId } = await setUp(running);
    await generate(running, client, cvId, offerId);
    await generate(running, client, cvId, offerId);
    const third = await generate(running, client, cvId, offerId);
    expect(third.response.status).toBe(429);
    expect(third.body.error.code).toBe('quota_exceeded');
    expect(third.body.error.details.resetsAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('edits into new versions, lists them and restores an old one', async () => {
    const { client, cvId, offerId } = await setUp(running);
    const { events } = await generate(running, client, cvId, offerId);
    const id = events.at(-1)!.data.id;
    const original = events.at(-1)!.data.content as string;
    const edited = await client.patch(`/api/letters/${id}`, {
      content: `${original}\n\nPost-scriptum ajouté.`,
      title: 'Ma lettre Médiane',
    });
    expect(edited.body.currentVersion).toBe(2);
    expect(edited.body.title).toBe('Ma lettre Médiane');
    const versions = await client.get(`/api/letters/${id}/versions`);
    expect(versions.body.map((v: { version: number; source: string }) => [v.version, v.source])).toEqual([
      [2, 'edited'],
      [1, 'generated'],
    ]);
    const restored = await client.post(`/api/letters/${id}/restore`, { version: 1 });
    expect(restored.body.currentVersion).toBe(3);
    expect(restored.body.content).toBe(original);
    const copy = await client.post(`/api/letters/${id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body.content).toBe(original);
    expect((await client.get('/api/plan')).body.quota.used).toBe(1);
  });

  it('exports PDF, DOCX (Premium) and text that read back with accents', async () => {
    const { client, cvId, offerId, user } = await setUp(running);
    const { events } = await generate(running, client, cvId, offerId);
    const id = events.at(-1)!.data.id;
    const pdf = await fetch(`${running.url}/api/letters/${id}/export?format=pdf`, {
      headers: { cookie: client.cookieHeader() },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfText = (
      await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true })
    ).text;
    expect(pdfText).toContain('Julien Marchetti');
    expect(pdfText).toContain('Médiane Santé');
    expect(pdfText).toMatch(/Je vous prie d.agréer/);

    const locked = await fetch(`${running.url}/api/letters/${id}/export?format=docx`, {
      headers: { cookie: client.cookieHeader() },
    });
    expect(locked.status).toBe(403);
    expect((await locked.json()).error.code).toBe('premium_required');
    await grantPremium(running, user.id);
    const docx = await fetch(`${running.url}/api/letters/${id}/export?format=docx`, {
      headers: { cookie: client.cookieHeader() },
    });
    expect(docx.status).toBe(200);
    const docxText = (await mammoth.extractRawText({ buffer: Buffer.from(await docx.arrayBuffer()) })).value;
    expect(docxText).toContain('Médiane Santé');
    expect(docxText).toContain('P.J. : CV');

    const txt = await client.get(`/api/letters/${id}/export?format=txt`);
    expect(txt.status).toBe(200);
    expect(txt.text).toContain('Julien Marchetti');
  });

  it("answers 404 on every one of another user's letter routes", async () => {
    const a = await setUp(running);
    const b = await signUp(running.url);
    const { events } = await generate(running, a.client, a.cvId, a.offerId);
    const id = events.at(-1)!.data.id;
    expect((await b.client.get(`/api/letters/${id}`)).status).toBe(404);
    expect((await b.client.patch(`/api/letters/${id}`, { title: 'x' })).status).toBe(404);
    expect((await b.client.get(`/api/letters/${id}/versions`)).status).toBe(404);
    expect((await b.client.post(`/api/letters/${id}/restore`, { version: 1 })).status).toBe(404);
    expect((await b.client.post(`/api/letters/${id}/duplicate`, {})).status).toBe(404);
    expect((await b.client.post(`/api/letters/${id}/regenerate`, {})).status).toBe(404);
    expect((await b.client.get(`/api/letters/${id}/export?format=pdf`)).status).toBe(404);
    expect((await b.client.delete(`/api/letters/${id}`)).status).toBe(404);
    // Nor can B write a letter from A's documents.
    const stolen = await generate(running, b.client, a.cvId, a.offerId);
    expect(stolen.response.status).toBe(404);
    expect((await a.client.get(`/api/letters/${id}`)).status).toBe(200);
  });
});

describe('letters: regenerate and cancel (PGlite)', () => {
  let database: TestDatabase;
  let running: RunningApp;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    // A slow stream (40 ms per chunk) leaves time to close the page mid-letter.
    running = await startTestApp(database, { OFFLINE_STREAM_DELAY_MS: '40' });
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
  });

  it('regenerates a letter as a new version, counted as a letter', async () => {
    const { client, cvId, offerId } = await setUp(running);
    const { events } = await generate(running, client, cvId, offerId);
    const id = events.at(-1)!.data.id;
    const response = await fetch(`${running.url}/api/letters/${id}/regenerate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: client.cookieHeader() },
      body: JSON.stringify({ options: { ...OPTIONS, tone: 'dynamique' } }),
    });
    const again = await readSse(response);
    expect(again.at(-1)!.event).toBe('completed');
    expect(again.at(-1)!.data.currentVersion).toBe(2);
    expect(again.at(-1)!.data.content).not.toBe(events.at(-1)!.data.content);
    expect((await client.get('/api/plan')).body.quota.used).toBe(2);
  });

  it('rewrites one letter once at a time: of five rewrites fired together, one runs and one is charged', async () => {
    const { client, cvId, offerId, user } = await setUp(running);
    await grantPremium(running, user.id);
    const { events } = await generate(running, client, cvId, offerId);
    const id = events.at(-1)!.data.id;
    const rewrite = () =>
      fetch(`${running.url}/api/letters/${id}/regenerate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: client.cookieHeader() },
        body: JSON.stringify({}),
      });
    const answers = await Promise.all(Array.from({ length: 5 }, rewrite));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = answers.find((r) => r.status === 200)!;
    expect((await readSse(winner)).at(-1)!.event).toBe('completed');
    expect((await client.get('/api/plan')).body.quota.used).toBe(2);
    expect((await client.get(`/api/letters/${id}`)).body.currentVersion).toBe(2);
  });

  it('cancels when the page closes mid-stream: not saved as complete, nothing counted', async () => {
    const { client, cvId, offerId } = await setUp(running);
    const controller = new AbortController();
    const response = await postLetter(
      running.url,
      client.cookieHeader(),
      { cv: { documentId: cvId }, offer: { documentId: offerId }, options: OPTIONS },
      {},
      controller.signal,
    );
    let letterId = '';
    let chunks = 0;
    await readSse(response, (event) => {
      if (event.event === 'started') letterId = event.data.letterId;
      if (event.event === 'chunk' && ++chunks === 3) controller.abort();
    }).catch(() => undefined);
    expect(letterId).not.toBe('');
    // The server settles the cancellation right after the connection closes.
    let status = 'generating';
    for (let i = 0; i < 50 && status === 'generating'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await client.get(`/api/letters/${letterId}`)).body.status;
    }
    expect(status).toBe('cancelled');
    expect((await client.get('/api/plan')).body.quota.used).toBe(0);
  });
});
