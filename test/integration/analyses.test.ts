import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, ENGINES, type TestDatabase } from '../support/databases';
import { signUp } from '../support/http-client';
import { grantPremium, type RunningApp, startTestApp } from '../support/test-app';

const DATA = new URL('../../../shared/data/synthetic/', import.meta.url);
const text = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

const CLICHE_LETTER = `Madame, Monsieur,

Je me permets de vous adresser ma candidature au poste de Data Analyst junior. Dynamique et motivé, je suis un vrai team player.

Infirmier pendant six ans au CHU de Garonne-Sud, j'ai créé un tableau de bord Excel de suivi des infections nosocomiales.

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.`;

describe.each(ENGINES)('analyses over HTTP (%s)', (engine) => {
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

  async function premiumUser() {
    const session = await signUp(running.url);
    await grantPremium(running, session.user.id);
    return session;
  }

  it('scores a CV against its offer, limited to the score and top 5 on the free plan, cached', async () => {
    const { client } = await signUp(running.url);
    const cv = await client.post('/api/documents', { kind: 'cv', text: text('cv-01.txt') });
    const offer = await client.post('/api/documents', { kind: 'offer', text: text('offer-01.txt') });
    const body = { cvDocumentId: cv.body.id, offerDocumentId: offer.body.id };
    const first = await client.post('/api/analyses/ats', body);
    expect(first.status).toBe(200);
    expect(first.body.plan).toBe('free');
    expect(first.body.result.limited).toBe(true);
    expect(first.body.result.score).toBeGreaterThan(40);
    expect(first.body.result.missing.length).toBeLessThanOrEqual(5);
    expect(first.body.result.breakdown).toBeUndefined();
    const again = await client.post('/api/analyses/ats', body);
    expect(again.body.cached).toBe(true);
    expect(again.body.result.score).toBe(first.body.result.score);
    // A mismatched CV scores clearly lower against the same offer.
    const other = await client.post('/api/analyses/ats', {
      cvText: text('cv-07.txt'),
      offerDocumentId: offer.body.id,
    });
    expect(other.body.result.score).toBeLessThan(first.body.result.score - 20);
  });

  it('shows Premium the full ATS report with its breakdown and where each missing keyword could go', async () => {
    const { client } = await premiumUser();
    const response = await client.post('/api/analyses/ats', {
      cvText: text('cv-01.txt'),
      offerText: text('offer-01.txt'),
    });
    expect(response.status).toBe(200);
    const report = response.body.result;
    expect(Object.keys(report.breakdown).sort()).toEqual(['education', 'hard', 'other', 'soft', 'title']);
    const sql = report.keywords.find((k: { term: string }) => /sql/i.test(k.term));
    expect(sql?.matches.some((m: { document: string }) => m.document === 'cv')).toBe(true);
  });

  it('keeps Mirror Match, Smart Coach and the trajectory for Premium, with a clear code', async () => {
    const { client } = await signUp(running.url);
    for (const path of ['mirror', 'coach', 'trajectory']) {
      const response = await client.post(`/api/analyses/${path}`, {
        offerText: text('offer-01.txt'),
        letterText: CLICHE_LETTER,
        cvText: text('cv-01.txt'),
      });
      expect(response.status, path).toBe(403);
      expect(response.body.error.code).toBe('premium_required');
    }
  });

  it('reads a start-up register and a public-sector one', async () => {
    const { client } = await premiumUser();
    const startup = await client.post('/api/analyses/mirror', {
      offerText:
        'Rejoins notre start-up ! Tu seras au cœur de la squad produit, ambiance fun, on se tutoie, flex office et afterworks. Ton impact sera direct sur nos utilisateurs.',
    });
    expect(startup.status).toBe(200);
    expect(startup.body.result.register.address.value).toBe('tu');
    expect(startup.body.result.register.sector.value).toBe('startup');
    const publicOffer = await client.post('/api/analyses/mirror', {
      offerText:
        "La Direction départementale des finances publiques recrute un agent contractuel (catégorie B) pour le service des collectivités locales. Vous contribuerez à la mission de service public sous l'autorité du chef de service. Poste ouvert aux fonctionnaires et contractuels, rémunération selon la grille indiciaire.",
    });
    expect(publicOffer.body.result.register.sector.value).toBe('public');
    expect(publicOffer.body.result.register.address.value).toBe('vous');
  });

  it('finds the clichés of a pasted letter, each with a rewrite', async () => {
    const { client } = await premiumUser();
    const response = await client.post('/api/analyses/coach', {
      letterText: CLICHE_LETTER,
      cvText: text('cv-01.txt'),
      offerText: text('offer-01.txt'),
    });
    expect(response.status).toBe(200);
    const phrases = response.body.result.cliches.map((c: { phrase: { text: string } }) =>
      c.phrase.text.toLowerCase(),
    );
    expect(phrases.some((p: string) => p.includes('je me permets'))).toBe(true);
    expect(response.body.result.cliches.every((c: { rewrite: string }) => c.rewrite.length > 0)).toBe(true);
    expect(response.body.result.criteria.length).toBeGreaterThanOrEqual(6);
  });

  it('suggests transferable skills, each with its proof quoted from the CV (all plans)', async () => {
    const { client } = await signUp(running.url);
    const cvText = text('cv-01.txt');
    const response = await client.post('/api/analyses/transferable-skills', {
      cvText,
      offerText: text('offer-01.txt'),
    });
    expect(response.status).toBe(200);
    const skills = response.body.result.skills as { skill: string; evidence: string }[];
    expect(skills.length).toBeGreaterThanOrEqual(2);
    for (const skill of skills) expect(cvText).toContain(skill.evidence.slice(0, 40));
  });

  it('builds a trajectory from the current job to the target one (Premium)', async () => {
    const { client } = await premiumUser();
    const response = await client.post('/api/analyses/trajectory', {
      cvText: text('cv-01.txt'),
      offerText: text('offer-01.txt'),
      from: 'infirmier',
      to: 'data analyst',
    });
    expect(response.status).toBe(200);
    const plan = response.body.result;
    expect(plan.steps.length).toBeGreaterThanOrEqual(3);
    expect(plan.totalWeeks).toBeGreaterThan(0);
    expect(plan.transferable.length).toBeGreaterThan(0);
  });

  it('answers 422 naming what is missing, and 404 for another user’s document', async () => {
    const { client } = await signUp(running.url);
    const missing = await client.post('/api/analyses/ats', { cvText: text('cv-01.txt') });
    expect(missing.status).toBe(422);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.message).toMatch(/offre/);
    const owner = await signUp(running.url);
    const doc = await owner.client.post('/api/documents', { kind: 'offer', text: text('offer-01.txt') });
    const stolen = await client.post('/api/analyses/ats', {
      cvText: text('cv-01.txt'),
      offerDocumentId: doc.body.id,
    });
    expect(stolen.status).toBe(404);
  });
});
