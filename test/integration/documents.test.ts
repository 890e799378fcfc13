import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp, type TestClient } from '../support/http-client';
import { grantPremium, type RunningApp, startTestApp } from '../support/test-app';

const DATA = new URL('../../../shared/data/synthetic/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DATA));

function upload(
  client: TestClient,
  bytes: Buffer,
  filename: string,
  kind = 'cv',
  method = 'POST',
  path = '/api/documents',
) {
  const form = new FormData();
  form.append('kind', kind);
  form.append('file', new Blob([new Uint8Array(bytes)]), filename);
  return client.request(method, path, { body: form });
}

describe.each(ENGINES)('documents over real HTTP (%s)', (engine) => {
  let database: TestDatabase;
  let running: RunningApp;
  let offerServer: Server;
  let offerUrl: string;

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    running = await startTestApp(database, {}, { allowPrivateOfferUrls: true });
    offerServer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const body = read('offer-01.txt')
        .toString('utf8')
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('');
      res.end(
        `<!doctype html><html><head><title>Data Analyst junior H/F</title></head><body><main><article>${body}</article></main></body></html>`,
      );
    });
    await new Promise<void>((resolve) => offerServer.listen(0, '127.0.0.1', resolve));
    const address = offerServer.address();
    offerUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/offre`;
  });
  afterAll(async () => {
    await running?.close();
    await database?.dispose();
    await new Promise<void>((resolve) => offerServer.close(() => resolve()));
  });

  it('reads a pasted CV into a structured profile the user can correct', async () => {
    const { client } = await signUp(running.url);
    const created = await client.post('/api/documents', {
      kind: 'cv',
      text: read('cv-01.txt').toString('utf8'),
    });
    expect(created.status).toBe(201);
    expect(created.body.structured.name).toBe('Julien Marchetti');
    expect(created.body.structured.experiences.map((e: { employer: string }) => e.employer)).toContain(
      'CHU de Garonne-Sud',
    );
    expect(created.body.isDefault).toBe(true);
    const corrected = await client.patch(`/api/documents/${created.body.id}`, {
      corrections: { headline: 'Data analyst junior, ex-infirmier' },
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.effective.headline).toBe('Data analyst junior, ex-infirmier');
    expect(corrected.body.effective.name).toBe('Julien Marchetti');
    expect(corrected.body.structured.headline).not.toBe('Data analyst junior, ex-infirmier');
  });

  it('uploads PDF and DOCX CVs, keeps one default CV, and replaces a file', async () => {
    const { client } = await signUp(running.url);
    const pdf = await upload(client, read('cv-01.pdf'), 'cv-01.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body.mediaType).toBe('application/pdf');
    expect(pdf.body.text).toContain('Clinéo Conseil');
    expect(pdf.body.parseReport).toMatchObject({ imageOnlyPages: 0 });
    const docx = await upload(client, read('cv-04.docx'), 'cv-04.docx');
    expect(docx.status).toBe(201);
    expect(docx.body.isDefault).toBe(false);
    expect((await client.patch(`/api/documents/${docx.body.id}`, { isDefault: true })).body.isDefault).toBe(
      true,
    );
    const list = await client.get('/api/documents?kind=cv');
    expect(
      list.body.filter((d: { isDefault: boolean }) => d.isDefault).map((d: { id: string }) => d.id),
    ).toEqual([docx.body.id]);
    const replaced = await upload(
      client,
      read('cv-02.pdf'),
      'cv-02.pdf',
      'cv',
      'PUT',
      `/api/documents/${pdf.body.id}/file`,
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.structured.name).not.toBe(pdf.body.structured.name);
  });

  it('refuses hostile files with a clear 4xx within a second and stores nothing', async () => {
    const { client } = await signUp(running.url);
    const cases: [string, string][] = [
      ['bad/macro.docm', 'macro.docm'],
      ['bad/not-a-pdf.pdf', 'not-a-pdf.pdf'],
      ['bad/fake.docx', 'fake.docx'],
      ['bad/truncated.pdf', 'truncated.pdf'],
      ['bad/image-only.pdf', 'image-only.pdf'],
      ['bad/empty.pdf', 'empty.pdf'],
      ['bad/zip-bomb.docx', 'zip-bomb.docx'],
    ];
    for (const [file, name] of cases) {
      const started = performance.now();
      const response = await upload(client, read(file), name);
      const elapsed = performance.now() - started;
      expect(response.status, file).toBeGreaterThanOrEqual(400);
      expect(response.status, file).toBeLessThan(500);
      expect(typeof response.body.error.code).toBe('string');
      expect(response.body.error.message.length).toBeGreaterThan(10);
      expect(elapsed, file).toBeLessThan(1_500);
    }
    const imageOnly = await upload(client, read('bad/image-only.pdf'), 'scan.pdf');
    expect(imageOnly.body.error.message).toMatch(/image/i);
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4_000, 1)]);
    expect((await upload(client, elf, 'cv.pdf')).status).toBe(415);
    const big = await upload(client, Buffer.alloc(6 * 1024 * 1024, 0x61), 'big.txt');
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    expect((await client.get('/api/documents')).body).toEqual([]);
  });

  it('suggests no extra requirements with the offline engine (the rules are its whole reading)', async () => {
    const { client, user } = await signUp(running.url);
    const offer = await client.post('/api/documents', {
      kind: 'offer',
      text: read('offer-01.txt').toString('utf8'),
    });
    // A model call is Premium, like the other AI-enriched analyses.
    const free = await client.post(`/api/documents/${offer.body.id}/requirements`);
    expect(free.status).toBe(403);
    expect(free.body.error.code).toBe('premium_required');
    await grantPremium(running, user.id);
    const suggested = await client.post(`/api/documents/${offer.body.id}/requirements`);
    expect(suggested.status).toBe(200);
    expect(suggested.body).toEqual({ mustHave: [], niceToHave: [], engine: 'offline' });
  });

  it('imports an offer from a URL', async () => {
    const { client } = await signUp(running.url);
    const imported = await client.post('/api/offers/import', { url: offerUrl });
    expect(imported.status).toBe(201);
    expect(imported.body.kind).toBe('offer');
    expect(imported.body.sourceUrl).toBe(offerUrl);
    expect(imported.body.text).toContain('Médiane Santé');
    expect(imported.body.text).toContain('Compétences requises');
  });

  it("answers 404 on every one of another user's documents", async () => {
    const a = await signUp(running.url);
    const b = await signUp(running.url);
    const doc = await a.client.post('/api/documents', {
      kind: 'offer',
      text: read('offer-01.txt').toString('utf8'),
    });
    const id = doc.body.id;
    expect((await b.client.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await b.client.patch(`/api/documents/${id}`, { title: 'volé' })).status).toBe(404);
    expect(
      (await upload(b.client, read('cv-01.pdf'), 'x.pdf', 'cv', 'PUT', `/api/documents/${id}/file`)).status,
    ).toBe(404);
    expect((await b.client.delete(`/api/documents/${id}`)).status).toBe(404);
    expect((await b.client.get('/api/documents')).body).toEqual([]);
    expect((await a.client.get(`/api/documents/${id}`)).body.title).not.toBe('volé');
  });
});
