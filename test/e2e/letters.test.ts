import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HAS_BROWSER,
  launchBrowser,
  refused,
  registerInBrowser,
  shot,
  watchErrors,
} from '../support/browser';
import type { TestDatabase } from '../support/databases';
import { type ServerProcess, startServerWithBetaCode } from '../support/server-process';

const DATA = '/work/shared/data/synthetic';
const CV_PDF = join(DATA, 'cv-01.pdf');
const OFFER_TEXT = readFileSync(join(DATA, 'offer-01.txt'), 'utf8');

/** Waits until the wizard shows `step` and checks the focus moved to its heading. */
async function expectStep(page: Page, step: string) {
  await page.locator(`[data-testid="step-title"][data-step="${step}"]`).waitFor();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-step'))).toBe(step);
}

describe.skipIf(!HAS_BROWSER)('letters in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let database: TestDatabase | undefined;
  const code = `E2E-LETTERS-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    ({ server, database } = await startServerWithBetaCode(code));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  it('writes a letter from an uploaded PDF CV and a pasted offer, edits it and downloads the PDF', async () => {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    const email = `julien.${Date.now()}@example.com`;

    await registerInBrowser(page, server.url, { email, name: 'Julien' });
    // The quota is always in view: two free letters, renewed on the 1st of next month.
    const quota = page.getByTestId('quota-status');
    await expect(quota.textContent()).resolves.toMatch(/2 lettres restantes ce mois-ci, renouvelées le 1 /);
    await shot(page, 'letters-01-dashboard-empty');

    await page.getByRole('link', { name: 'Nouvelle lettre' }).click();
    await page.waitForURL('**/letters/new');
    await page.getByRole('heading', { level: 1, name: 'Nouvelle lettre' }).waitFor();

    // 1. The CV, uploaded as a PDF.
    await page.locator('[data-testid="step-title"][data-step="cv"]').waitFor();
    await page.getByLabel('Envoyer un fichier').check();
    await page.getByLabel('Fichier du CV').setInputFiles(CV_PDF);
    await shot(page, 'letters-02-cv');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 2. The offer, pasted.
    await expectStep(page, 'offer');
    await page.getByLabel('Coller le texte').check();
    await page.getByLabel('Texte de l’offre').fill(OFFER_TEXT);
    await shot(page, 'letters-03-offer');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 3. What was read: the CV's experiences with employers and dates, the offer's essentials.
    await expectStep(page, 'review');
    const cv = page.getByTestId('review-cv');
    await expect(cv.textContent()).resolves.toContain('CHU de Garonne-Sud');
    await expect(cv.textContent()).resolves.toContain('2018');
    const offer = page.getByTestId('review-offer');
    await expect(offer.textContent()).resolves.toContain('Médiane Santé');
    await expect(offer.textContent()).resolves.toMatch(/Data Analyst/i);
    await expect(offer.textContent()).resolves.toContain('SQL');
    // Asking the AI for requirements the reading missed is Premium: said, with the way to the plans.
    await page.getByRole('button', { name: /Repérer les exigences oubliées/ }).click();
    const locked = page.getByTestId('suggest-error');
    await locked.waitFor();
    expect(await locked.getByRole('link', { name: 'Voir les offres' }).getAttribute('href')).toBe('/plan');
    // A correction the letter will use: the recruiter's name.
    await page.getByLabel('Nom du recruteur ou de la recruteuse').fill('Claire Dubois');
    await shot(page, 'letters-04-review');
    await page.getByRole('button', { name: 'C’est bon, continuer' }).click();

    // 4. The change: "to" is prefilled with the offer's title.
    await expectStep(page, 'change');
    await expect(page.getByLabel('Le métier visé').inputValue()).resolves.toMatch(/data analyst/i);
    await page.getByLabel('Votre métier actuel ou précédent').fill('infirmier');
    await page.getByLabel('Le métier visé').fill('data analyst');
    await shot(page, 'letters-05-change');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 5. One question answered, the others skipped.
    await expectStep(page, 'questions');
    // The transferable skills found in the CV, each with its proof; the user leaves one out.
    const skills = page.getByTestId('skills-picker');
    await skills.getByRole('checkbox').first().waitFor();
    await expect(skills.textContent()).resolves.toContain('Preuve :');
    await skills.getByRole('checkbox').first().uncheck();
    await page
      .getByLabel('Pourquoi Médiane Santé ?')
      .fill('Vos tableaux de bord servent chaque jour les équipes soignantes que je connais.');
    await shot(page, 'letters-06-questions');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 6. Options: six tones explained, the language of the offer proposed.
    await expectStep(page, 'options');
    expect(await page.locator('input[name="tone"]').count()).toBe(6);
    await page.getByLabel('Dynamique').check();
    expect(await page.getByLabel('Langue de la lettre').inputValue()).toBe('fr');
    await page.getByLabel('Votre ville (facultatif)').fill('Toulouse');
    await shot(page, 'letters-07-options');
    await page.getByRole('button', { name: 'Continuer' }).click();

    // 7. Writing: the text arrives piece by piece in a live region, then the letter page opens.
    await expectStep(page, 'generate');
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { streamLengths: number[] }).streamLengths = seen;
      new MutationObserver(() => {
        const live = document.querySelector('[data-testid="stream-text"]');
        if (live?.textContent) seen.push(live.textContent.length);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Écrire ma lettre' }).click();
    await page
      .waitForFunction(
        () => (document.querySelector('[data-testid="stream-text"]')?.textContent?.length ?? 0) > 80,
        undefined,
        { timeout: 5_000 },
      )
      .then(() => shot(page, 'letters-08-writing'))
      .catch(() => {
        // The offline writer can finish before the screenshot: the length record below still tells.
      });
    await page.waitForURL(/\/letters\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const lengths = await page.evaluate(
      () => (window as unknown as { streamLengths: number[] }).streamLengths,
    );
    expect(lengths.length).toBeGreaterThan(0);
    expect(new Set(lengths).size).toBeGreaterThan(1);

    await page.getByTestId('letter-title').waitFor();
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('Votre lettre est prête');
    await expect(page.getByTestId('offline-notice').textContent()).resolves.toBe(
      'Écrite sans IA (moteur hors ligne).',
    );
    const editor = page.getByLabel('Texte de la lettre');
    const written = await editor.inputValue();
    expect(written.length).toBeGreaterThan(300);
    expect(written).toContain('Claire Dubois');
    await page.getByTestId('grounding').waitFor();
    await quota.filter({ hasText: '1 lettre restante ce mois-ci' }).waitFor();
    await shot(page, 'letters-09-letter');

    // Edit and save: a new version, which can be compared with the first one.
    await editor.fill(`${written}\n\nPS : je suis disponible dès maintenant.`);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.getByTestId('letter-status').textContent()).resolves.toBe('Version 2 enregistrée.');
    await page.getByRole('button', { name: 'Comparer la version 1' }).click();
    await expect(page.getByTestId('diff').locator('ins').allTextContents()).resolves.toContainEqual(
      expect.stringContaining('PS : je suis disponible dès maintenant.'),
    );
    await shot(page, 'letters-10-edited-diff');

    // Downloads: the PDF; DOCX is Premium and says so, with the way to the plan page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'PDF', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const saved = join(mkdtempSync(join(tmpdir(), 'pl-e2e-pdf-')), download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.getByRole('button', { name: /^DOCX/ }).click();
    const premium = page.getByTestId('premium-required');
    await premium.waitFor();
    expect(await premium.getByRole('link', { name: 'Voir les offres' }).getAttribute('href')).toBe('/plan');
    await shot(page, 'letters-11-docx-premium');

    // Rewriting counts as a letter: it uses the second free one; the next one meets the quota,
    // explained with its renewal date and the way to the plan page.
    await page.getByRole('button', { name: 'Réécrire' }).click();
    await page.getByText(/Lettre réécrite : version 3/).waitFor({ timeout: 60_000 });
    await quota.filter({ hasText: 'Plus de lettre gratuite ce mois-ci' }).waitFor();
    await page.getByRole('button', { name: 'Réécrire' }).click();
    const exceeded = page.getByTestId('quota-exceeded');
    await exceeded.waitFor();
    await expect(exceeded.textContent()).resolves.toMatch(/renouvellent le 1 \S+ \d{4}/);
    expect(await exceeded.getByRole('link', { name: 'Voir les offres' }).getAttribute('href')).toBe('/plan');
    await shot(page, 'letters-12-quota-exceeded');

    // A beta-tester code unlocks Premium at once: a third letter, and the DOCX download.
    const letterPath = new URL(page.url()).pathname;
    await exceeded.getByRole('link', { name: 'Voir les offres' }).click();
    await page.waitForURL('**/plan');
    await page.getByLabel('Votre code').fill(code);
    await page.getByRole('button', { name: 'Utiliser le code' }).click();
    await page.getByTestId('beta-result').waitFor();
    await page.goto(`${server.url}${letterPath}`);
    await page.getByRole('button', { name: 'Réécrire' }).click();
    await page.getByText(/Lettre réécrite : version 4/).waitFor({ timeout: 60_000 });
    const [docx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^DOCX/ }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const savedDocx = join(mkdtempSync(join(tmpdir(), 'pl-e2e-docx-')), docx.suggestedFilename());
    await docx.saveAs(savedDocx);
    expect(readFileSync(savedDocx).subarray(0, 2).toString('latin1')).toBe('PK');
    await shot(page, 'letters-13-premium-third-letter');

    // The dashboard lists the letter.
    await page.getByRole('navigation').getByRole('link', { name: 'Mes lettres' }).click();
    await page.waitForURL('**/app');
    const list = page.getByTestId('letter-list');
    await expect(list.textContent()).resolves.toContain('Médiane Santé');
    await shot(page, 'letters-14-dashboard');
    const letterUrl = await list.getByRole('link').first().getAttribute('href');

    // The same pages fit a phone screen.
    const phone = await browser.newContext({
      viewport: { width: 375, height: 760 },
      isMobile: true,
      storageState: await context.storageState(),
    });
    const small = await phone.newPage();
    errors.push(...watchErrors(small));
    for (const [path, name] of [
      [letterUrl, 'letters-15-letter-phone'],
      ['/letters/new', 'letters-16-new-phone'],
      ['/app', 'letters-17-dashboard-phone'],
    ] as const) {
      await small.goto(`${server.url}${path}`);
      await small.locator('main h1').waitFor();
      await small.waitForLoadState('networkidle');
      expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await shot(small, name);
    }
    await phone.close();

    // Only the refusals the test asked for: DOCX on the free plan (403), the used-up quota (429).
    expect(errors.filter((error) => !refused(403, 429).test(error))).toEqual([]);
    await context.close();
  });
});

describe.skipIf(!HAS_BROWSER)('the plan page in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let database: TestDatabase | undefined;
  const code = `E2E-BETA-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    ({ server, database } = await startServerWithBetaCode(code));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.dispose();
  });

  it('shows the plans honestly, explains missing payment and redeems a beta-tester code', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 760 }, isMobile: true });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await registerInBrowser(page, server.url, { name: 'Bea' });

    await page.getByTestId('quota-status').getByRole('link', { name: 'Voir les offres' }).click();
    await page.waitForURL('**/plan');
    await page.getByRole('heading', { level: 1, name: 'Mon offre' }).waitFor();
    await expect(page.getByTestId('current-plan').textContent()).resolves.toContain('Gratuit');
    await expect(page.locator('main').textContent()).resolves.toContain('2 lettres par mois');
    expect(await page.getByTestId('price-label').textContent()).not.toBe('');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    // No payment provider on this server: the server's explanation is shown.
    await page.getByRole('button', { name: 'Passer à Premium' }).click();
    await expect(page.getByTestId('billing-error').textContent()).resolves.toContain('pas encore configuré');

    // A wrong code, then the right one: Premium until a date 30 days away.
    const input = page.getByLabel('Votre code');
    await input.fill('PAS-UN-CODE');
    await page.getByRole('button', { name: 'Utiliser le code' }).click();
    await expect(page.getByTestId('beta-error').textContent()).resolves.toContain('n’existe pas');
    await input.fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Utiliser le code' }).click();
    await expect(page.getByTestId('beta-result').textContent()).resolves.toMatch(
      /Premium est activé jusqu’au \d{1,2} \S+ \d{4}/,
    );
    await page
      .getByTestId('quota-status')
      .filter({ hasText: /Bêta-testeur : Premium jusqu’au \d{1,2} \S+ \d{4}/ })
      .waitFor();
    await expect(page.getByTestId('premium-ends').textContent()).resolves.toContain('Premium jusqu’au');
    await shot(page, 'plan-01-beta-phone');

    // The same code twice is refused with its reason.
    await input.fill(code);
    await page.getByRole('button', { name: 'Utiliser le code' }).click();
    await expect(page.getByTestId('beta-error').textContent()).resolves.toContain('déjà utilisé');

    // English, dates included.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'My plan' }).waitFor();
    await expect(page.getByTestId('quota-status').textContent()).resolves.toMatch(
      /Beta tester: Premium until \d{1,2} [A-Z][a-z]+ \d{4}/,
    );
    await shot(page, 'plan-02-phone-en');

    // The refusals the test provoked: payment not configured (501), unknown code (404), reused (409).
    expect(errors.filter((error) => !refused(501, 404, 409).test(error))).toEqual([]);
    await context.close();
  });
});
