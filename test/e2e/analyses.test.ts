import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_BROWSER, launchBrowser, registerInBrowser, shot, watchErrors } from '../support/browser';
import type { TestDatabase } from '../support/databases';
import { type ServerProcess, startServerWithBetaCode } from '../support/server-process';

const DATA = '/work/shared/data/synthetic';
const CV_TEXT = readFileSync(join(DATA, 'cv-01.txt'), 'utf8');
const OFFER_TEXT = readFileSync(join(DATA, 'offer-01.txt'), 'utf8');

/** Opens /analyses and pastes the CV and the offer. */
async function pasteBoth(page: Page) {
  await page.getByRole('navigation').getByRole('link', { name: 'Analyses' }).click();
  await page.getByRole('heading', { level: 1, name: 'Analyses' }).waitFor();
  await page.getByLabel('CV', { exact: true }).selectOption('paste');
  await page.getByTestId('paste-cv').fill(CV_TEXT);
  await page.getByLabel('Offre d’emploi').selectOption('paste');
  await page.getByTestId('paste-offer').fill(OFFER_TEXT);
  await page.getByLabel('Votre métier actuel ou précédent').fill('infirmier');
  await page.getByLabel('Le métier visé').fill('data analyst');
}

/** A beta-tester code makes the user Premium through the real plan page. */
describe.skipIf(!HAS_BROWSER)('analyses in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let database: TestDatabase | undefined;
  const code = `E2E-ANALYSES-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    ({ server, database } = await startServerWithBetaCode(code));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  it('scores, reads the company, plans the move and coaches a letter, free then Premium', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await registerInBrowser(page, server.url);

    // Free plan: the ATS score and the five costliest missing keywords; Premium analyses say so.
    await pasteBoth(page);
    await page.getByTestId('run-ats').click();
    const ats = page.getByTestId('ats-result');
    await ats.waitFor();
    const score = Number(await ats.locator('meter').getAttribute('value'));
    expect(score).toBeGreaterThan(40);
    expect(await page.getByTestId('ats-missing').locator('li').count()).toBeLessThanOrEqual(5);
    expect(await page.getByTestId('ats-breakdown').count()).toBe(0);
    await shot(page, 'analyses-01-ats-free');
    await page.getByTestId('run-trajectory').click();
    const locked = page.getByTestId('analysis-locked');
    await locked.waitFor();
    expect(await locked.getByRole('link', { name: 'Voir les offres' }).getAttribute('href')).toBe('/plan');

    // Premium through a beta-tester code.
    await page.goto(`${server.url}/plan`);
    await page.getByLabel('Votre code').fill(code);
    await page.getByRole('button', { name: 'Utiliser le code' }).click();
    await page.getByTestId('beta-result').waitFor();

    await pasteBoth(page);
    await page.getByTestId('run-ats').click();
    await page.getByTestId('ats-breakdown').waitFor();
    await expect(page.getByTestId('ats-breakdown').textContent()).resolves.toContain(
      'Compétences techniques',
    );
    await shot(page, 'analyses-02-ats-premium');

    await page.getByTestId('run-mirror').click();
    await page.getByTestId('mirror-result').waitFor();
    await expect(page.getByTestId('mirror-tone').textContent()).resolves.toMatch(/^Ton conseillé : \S+/);
    await shot(page, 'analyses-03-mirror');

    await page.getByTestId('run-trajectory').click();
    await page.getByTestId('trajectory-result').waitFor();
    expect(await page.getByTestId('trajectory-steps').locator('li').count()).toBeGreaterThanOrEqual(3);
    const transferable = await page.getByTestId('trajectory-transferable').textContent();
    expect(transferable?.length).toBeGreaterThan(20);
    await shot(page, 'analyses-04-trajectory');

    // A letter (written through the API from the page), then the Smart Coach on its page.
    const letterId = await page.evaluate(
      async ({ cvText, offerText }) => {
        const post = (path: string, body: unknown) =>
          fetch(path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
        const cv = await (await post('/api/documents', { kind: 'cv', text: cvText })).json();
        const offer = await (await post('/api/documents', { kind: 'offer', text: offerText })).json();
        const stream = await post('/api/letters', {
          cv: { documentId: cv.id },
          offer: { documentId: offer.id },
          options: {
            careerChange: { from: 'infirmier', to: 'data analyst' },
            tone: 'formel',
            length: 'standard',
            language: 'fr',
          },
        });
        const events = await stream.text();
        return /"letterId":"([0-9a-f-]{36})"/.exec(events)?.[1];
      },
      { cvText: CV_TEXT, offerText: OFFER_TEXT },
    );
    expect(letterId).toMatch(/^[0-9a-f-]{36}$/);
    await page.goto(`${server.url}/letters/${letterId}`);
    const section = page.getByTestId('letter-analyses');
    await section.getByTestId('run-coach').click();
    await page.getByTestId('coach-result').waitFor();
    expect(await page.getByTestId('coach-criteria').locator('li').count()).toBe(9);
    const overall = Number(
      await page.getByTestId('coach-result').locator('meter').first().getAttribute('value'),
    );
    expect(overall).toBeGreaterThan(0);
    await shot(page, 'analyses-05-coach');
    // The ATS of the letter page reads the letter too.
    await section.getByTestId('run-ats').click();
    await page.getByTestId('ats-breakdown').waitFor();

    // Only the refusal the test provoked (none: locked analyses are not even asked for).
    expect(errors).toEqual([]);
    await context.close();
  });
});
