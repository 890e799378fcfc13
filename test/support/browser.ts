/**
 * Debian's Chromium driven by playwright-core. Without a browser the suites skip loudly;
 * CI sets REQUIRE_BROWSER=1 so a missing Chromium fails instead.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_BROWSER = existsSync(CHROMIUM_PATH);

if (!HAS_BROWSER) {
  if (process.env.REQUIRE_BROWSER === '1')
    throw new Error(`REQUIRE_BROWSER=1 but ${CHROMIUM_PATH} is missing`);
  console.warn(`⚠️  No Chromium at ${CHROMIUM_PATH}: browser suites are SKIPPED.`);
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Console errors and uncaught exceptions of a page; CSP violations show up here too. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** Matches the console line of a refusal the test provoked on purpose (by HTTP status). */
export const refused = (...statuses: number[]) =>
  new RegExp(`Failed to load resource: the server responded with a status of (${statuses.join('|')})`);

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });

export const E2E_PASSWORD = 'infirmier devenu analyste';

/** Registers through the real form (French interface) and waits for the letters list. */
export async function registerInBrowser(
  page: Page,
  baseUrl: string,
  account: { email?: string; name?: string } = {},
): Promise<string> {
  const email = account.email ?? `e2e.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Votre prénom ou nom').fill(account.name ?? 'Julien');
  await page.getByLabel('Mot de passe', { exact: true }).fill(E2E_PASSWORD);
  await page.getByLabel('J’ai lu et j’accepte la politique de confidentialité').check();
  await page.getByLabel('J’atteste avoir 18 ans ou plus.').check();
  await page.getByRole('button', { name: 'Créer mon compte' }).click();
  await page.waitForURL('**/app');
  await page.getByRole('heading', { level: 1, name: 'Mes lettres' }).waitFor();
  return email;
}
