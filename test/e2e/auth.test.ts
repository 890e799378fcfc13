import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_BROWSER, launchBrowser, SCREENSHOT_DIR, watchErrors } from '../support/browser';
import { type ServerProcess, startServerProcess } from '../support/server-process';

/** Chromium logs every refused request (a wrong password, a 401 probe) as a console error. */
const HTTP_401 = /Failed to load resource: the server responded with a status of 401/;
const HTTP_403 = /Failed to load resource: the server responded with a status of 403/;
const unexpected = (errors: string[]) =>
  errors.filter((error) => !HTTP_401.test(error) && !HTTP_403.test(error));

/** The link of the last e-mail whose body contains `path` (the outbox mailer writes .eml files). */
function lastMailLink(outbox: string, path: string): string | undefined {
  if (!existsSync(outbox)) return undefined;
  const links = readdirSync(outbox)
    .sort()
    .map((file) => readFileSync(join(outbox, file), 'utf8'))
    .flatMap((mail) => mail.match(/https?:\/\/\S+#token=[\w-]+/g) ?? [])
    .filter((link) => new URL(link).pathname === path);
  return links.at(-1);
}

async function waitFor<T>(read: () => T | undefined, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!HAS_BROWSER)('accounts in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;
  let dataDir: string;
  const email = `camille.${Date.now()}@example.com`;
  const password = 'infirmière devenue pentesteuse';

  beforeAll(async () => {
    if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build` first');
    dataDir = mkdtempSync(join(tmpdir(), 'pl-e2e-auth-'));
    server = await startServerProcess({ DATA_DIR: dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('registers, logs out, logs in, stays logged in across a reload and renames the account', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);

    // Anonymous visit: the header offers to log in or register, and no session probe happens.
    await page.goto(server.url);
    const nav = page.getByRole('navigation');
    await nav.getByRole('link', { name: 'Créer un compte' }).click();
    await page.waitForURL('**/register');
    // The URL changes before React renders the page: wait for its heading, not just the URL.
    await page.getByRole('heading', { level: 1, name: 'Créer un compte' }).waitFor();
    // Focus follows the page change (screen readers announce the new page).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Votre prénom ou nom').fill('Camille');
    const passwordInput = page.getByLabel('Mot de passe', { exact: true });
    await passwordInput.fill('motdepasse');
    await expect(page.locator('[data-rule="common"]').getAttribute('data-met')).resolves.toBe('false');
    await passwordInput.fill(password);
    await expect(page.locator('[data-rule="length"]').getAttribute('data-met')).resolves.toBe('true');
    await expect(page.locator('[data-rule="common"]').getAttribute('data-met')).resolves.toBe('true');
    expect(await page.getByLabel('Langue de l’application et des e-mails').inputValue()).toBe('fr');

    // Submitting without the two attestations: field errors, announced, focus on the first one.
    await page.getByRole('button', { name: 'Créer mon compte' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toContain('champs');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('register-privacy');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'register-errors-fr.png'), fullPage: true });

    await page.getByLabel('J’ai lu et j’accepte la politique de confidentialité').check();
    await page.getByLabel('J’atteste avoir 18 ans ou plus.').check();
    await page.getByRole('button', { name: 'Créer mon compte' }).click();

    // Registered and logged in at once.
    await page.waitForURL('**/app');
    await page.getByRole('heading', { level: 1, name: 'Mes lettres' }).waitFor();
    await expect(page.locator('main').textContent()).resolves.toContain("Aucune lettre pour l'instant");
    expect(await page.getByRole('link', { name: 'Nouvelle lettre' }).getAttribute('href')).toBe(
      '/letters/new',
    );
    expect(await page.getByTestId('user-name').textContent()).toContain('Camille');
    await page.getByTestId('verify-reminder').waitFor();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'dashboard-fr.png'), fullPage: true });

    // Log out: back to the login page, with the header of an anonymous visitor.
    await nav.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.waitForURL('**/login');
    await expect(page.getByTestId('notice').textContent()).resolves.toContain('déconnecté');
    await nav.getByRole('link', { name: 'Se connecter' }).waitFor();

    // A wrong password is refused with a clear message (the one expected 401 of the flow so far).
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill('pas le bon mot de passe');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('E-mail ou mot de passe incorrect.');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'login-error-fr.png'), fullPage: true });

    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/app');
    await page.getByRole('heading', { level: 1, name: 'Mes lettres' }).waitFor();

    // A reload keeps the session.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mes lettres' }).waitFor();
    expect(await page.getByTestId('user-name').textContent()).toContain('Camille');

    // Even once the short-lived access cookie is gone: the refresh cookie renews the session silently.
    await context.clearCookies({ name: /pl_access$/ });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mes lettres' }).waitFor();
    expect(await page.getByTestId('user-name').textContent()).toContain('Camille');
    expect((await context.cookies()).some((cookie) => cookie.name.endsWith('pl_access'))).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/app');

    // The account page: rename the account; the header follows.
    await nav.getByRole('link', { name: 'Mon compte' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.getByTestId('email-status').textContent()).toBe('Non confirmée');
    const nameInput = page.getByLabel('Votre prénom ou nom');
    expect(await nameInput.inputValue()).toBe('Camille');
    await nameInput.fill('Camille Martin');
    await page.getByRole('button', { name: 'Enregistrer le profil' }).click();
    await page.getByTestId('profile-saved').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toContain('Camille Martin');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-fr.png'), fullPage: true });

    // A wrong current password is shown next to the field.
    await page.locator('#password-current').fill('pas le bon');
    await page.locator('#password-new').fill('une toute nouvelle phrase');
    await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
    await expect(page.locator('#password-current-error').textContent()).resolves.toBe(
      'Mot de passe actuel incorrect.',
    );

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    expect(await page.getByLabel('Votre prénom ou nom').inputValue()).toBe('Camille Martin');

    // The link of the verification e-mail confirms the address on its own, then leaves the URL clean.
    const link = await waitFor(() => lastMailLink(join(dataDir, 'outbox'), '/verify-email'));
    await page.goto(`${server.url}${new URL(link).pathname}${new URL(link).hash}`);
    await page.getByTestId('verify-done').waitFor();
    expect(page.url()).not.toContain('token');
    await page.goto(`${server.url}/account`);
    await expect(page.getByTestId('email-status').textContent()).resolves.toBe('Confirmée');

    // Only the expected refusals: the wrong login and /api/me before the silent refresh (401),
    // the wrong current password (403).
    expect(unexpected(errors)).toEqual([]);
    expect(errors.filter((error) => HTTP_401.test(error))).toHaveLength(2);
    expect(errors.filter((error) => HTTP_403.test(error))).toHaveLength(1);
    await context.close();
  });

  it('sends a visitor to the login page and back, and fits a phone screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 760 }, isMobile: true });
    const page = await context.newPage();
    const errors = watchErrors(page);

    await page.goto(`${server.url}/account`);
    await page.waitForURL('**/login?next=%2Faccount');
    await page.getByLabel('Adresse e-mail').fill(email);
    await page.getByLabel('Mot de passe', { exact: true }).fill(password);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'login-phone-fr.png'), fullPage: true });
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/account');
    await page.getByRole('heading', { level: 1, name: 'Mon compte' }).waitFor();
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-phone-fr.png'), fullPage: true });

    // English works all the way, server messages included.
    await page.getByTestId('language-switch').click();
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    await page.getByRole('button', { name: 'Delete my account…' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('delete-confirm');
    await page.getByRole('button', { name: 'Delete for good' }).click();
    await expect(page.locator('#delete-confirm-error').textContent()).resolves.toContain('Tick the box');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'account-delete-phone-en.png'), fullPage: true });

    // The anonymous probe of /account: /api/me and the refresh both answer 401 before the redirect.
    expect(unexpected(errors)).toEqual([]);
    expect(errors.filter((error) => HTTP_401.test(error))).toHaveLength(2);
    await context.close();
  });
});
