/**
 * Analyses: time per call of each analysis on a 2-page CV (cv-06, ~900 words) and its 1-page offer,
 * in process (after warm-up) and through HTTP on the embedded database (one call at a time, fresh
 * inputs each call so nothing is served from the analysis cache, plus one cached figure).
 */
import { readFileSync } from 'node:fs';
import { createOfflineEngine } from '../server/adapters/ai/offline-engine';
import { composeOfflineLetter } from '../server/core/letter/offline-composer';
import { parseCv, parseOffer } from '../server/core/profile';
import { createAnalyzers } from '../server/services/analyses/core-analyzers';
import { prepareLetterBrief } from '../server/services/letters/prepare-brief';
import { createTestDatabase } from '../test/support/databases';
import { signUp } from '../test/support/http-client';
import { grantPremium, startTestApp } from '../test/support/test-app';
import { percentile, saveResults } from './lib';

const DATA = new URL('../../shared/data/synthetic/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, DATA), 'utf8');

function timeSync(run: () => unknown, iterations: number) {
  for (let i = 0; i < 20; i++) run();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return { p50Ms: +percentile(times, 50).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2) };
}

async function timeAsync(run: (i: number) => Promise<unknown>, iterations: number) {
  for (let i = 0; i < 5; i++) await run(-1 - i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  return { p50Ms: +percentile(times, 50).toFixed(2), p99Ms: +percentile(times, 99).toFixed(2) };
}

export async function benchAnalyses(iterations = Number(process.env.BENCH_ITERATIONS ?? 200)) {
  const cvText = read('cv-06.txt');
  const offerText = read('offer-06.txt');
  const cv = parseCv(cvText);
  const offer = parseOffer(offerText);
  const options = {
    careerChange: {
      from: cv.experiences.at(-1)?.title ?? 'ancien métier',
      to: offer.title ?? 'nouveau métier',
    },
    tone: 'formel' as const,
    length: 'standard' as const,
    language: offer.language,
    answers: {},
  };
  const letterText = composeOfflineLetter(
    prepareLetterBrief({ cv, offer, cvText, offerText, options, today: new Date() }),
  );
  const analyzers = createAnalyzers(createOfflineEngine(), { now: () => new Date() });
  const sources = {
    cvText,
    offerText,
    letterText,
    cv,
    offer,
    language: offer.language,
    from: options.careerChange.from,
    to: options.careerChange.to,
  };
  const rows: Record<string, unknown>[] = [];
  rows.push({
    analysis: 'parse CV + offer',
    where: 'in process',
    ...timeSync(() => [parseCv(cvText), parseOffer(offerText)], iterations),
  });
  for (const [kind, analyzer] of Object.entries(analyzers)) {
    rows.push({
      analysis: kind,
      where: 'in process',
      ...(await timeAsync(async () => analyzer.run(sources), iterations)),
    });
  }

  const database = await createTestDatabase('pglite');
  const running = await startTestApp(database);
  try {
    const { client, user } = await signUp(running.url);
    await grantPremium(running, user.id);
    const paths: Record<string, string> = {
      ats: 'ats',
      mirror: 'mirror',
      coach: 'coach',
      trajectory: 'trajectory',
      transferable_skills: 'transferable-skills',
    };
    const httpIterations = Math.max(20, Math.round(iterations / 4));
    for (const [kind, path] of Object.entries(paths)) {
      // A different letter each call: every call computes and stores a new result.
      const figure = await timeAsync(async (i) => {
        const response = await client.post(`/api/analyses/${path}`, {
          cvText,
          offerText,
          letterText: `${letterText}\n${i}`,
          from: `${sources.from} ${i}`,
          to: sources.to,
        });
        if (response.status !== 200) throw new Error(`${path}: ${response.status} ${response.text}`);
      }, httpIterations);
      rows.push({ analysis: kind, where: 'HTTP, computed', ...figure });
    }
    const cached = await timeAsync(async () => {
      await client.post('/api/analyses/ats', { cvText, offerText, letterText });
    }, httpIterations);
    rows.push({ analysis: 'ats', where: 'HTTP, cached', ...cached });
  } finally {
    await running.close();
    await database.dispose();
  }
  console.table(rows);
  saveResults('analyses', { cv: 'cv-06.txt (≈900 words, 2 pages)', offer: 'offer-06.txt', rows });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await benchAnalyses();
