import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PROJECT_ROOT } from '../../src/config/load-config';
import { TEST_PASSWORD, TestApp } from './test-app';
import { launchBrowser, newContext, servedTestApp } from './browser';

/** What a screenshot spec works with: the served app, a browser and docs/screenshots/. */
export interface ScreenshotRig {
  t: TestApp;
  browser: Browser;
  base: string;
  out: string;
}

/**
 * A suite that writes screenshots for the README and docs/ (`npm run screenshots`). Skipped
 * in `npm test`: it writes files and asserts nothing. The body reads the rig once
 * beforeAll has run.
 */
export function describeScreenshots(title: string, body: (rig: () => ScreenshotRig) => void): void {
  const run = process.env.PEERCERT_SCREENSHOTS === '1' ? describe : describe.skip;
  run(title, () => {
    let rig: ScreenshotRig | undefined;
    beforeAll(async () => {
      const out = join(PROJECT_ROOT, 'docs', 'screenshots');
      mkdirSync(out, { recursive: true });
      const { t, base } = await servedTestApp({ trainingProviderName: 'Bay Area Peer Training Collaborative' });
      rig = { t, base, out, browser: await launchBrowser() };
    });
    afterAll(async () => {
      await rig?.browser.close();
      await rig?.t.close();
    });
    body(() => rig!);
  });
}

const WORDS = {
  en: { email: 'Email address', password: /^Password$/, submit: 'Sign in' },
  es: { email: 'Correo electrónico', password: /^Contraseña$/, submit: 'Iniciar sesión' },
};

/** A desktop-sized page signed in through the form, in the given language. */
export async function signedInPage(rig: ScreenshotRig, email: string, lang: 'en' | 'es' = 'en', before?: (page: Page) => Promise<void>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(rig.browser, rig.base, { lang });
  const page = await context.newPage();
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto('/signin');
  await before?.(page);
  const w = WORDS[lang];
  await page.getByLabel(w.email).fill(email);
  await page.getByLabel(w.password).fill(TEST_PASSWORD);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: w.submit }).click()]);
  return { context, page };
}
