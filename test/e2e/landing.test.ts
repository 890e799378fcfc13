import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HAS_BROWSER, launchBrowser, SCREENSHOT_DIR } from '../support/browser';
import { type ServerProcess, startServerProcess } from '../support/server-process';

describe.skipIf(!HAS_BROWSER)('landing page in Chromium', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync('dist/web/index.html')) throw new Error('dist/web is missing: run `npm run build` first');
    server = await startServerProcess();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says what the product does, switches to English and remembers the choice', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    await expect(page.locator('h1').textContent()).resolves.toContain('reconversion');
    expect(await page.getAttribute('html', 'lang')).toBe('fr');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('header').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'landing-fr.png'), fullPage: true });

    // Keyboard: the skip link comes first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');

    await page.getByTestId('language-switch').click();
    await expect(page.locator('h1').textContent()).resolves.toContain('career change');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'landing-en.png'), fullPage: true });

    await page.reload();
    await expect(page.locator('h1').textContent()).resolves.toContain('career change');
    expect(errors).toEqual([]);
    await context.close();
  });
});
