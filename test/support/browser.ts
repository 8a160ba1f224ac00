import AxeBuilder from '@axe-core/playwright';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createTestApp } from './test-app';
import type { TestApp } from './test-app';
import type { AppConfig } from '../../src/config/app-config';
import { freePort } from '../../src/database/throwaway-cluster';

export const CHROMIUM_ENV = 'PEERCERT_TEST_CHROMIUM';

/**
 * The Chromium that @sparticuz/chromium ships inside its npm package (unpacked once by
 * the global setup), or CHROMIUM_PATH for a system one. Never a download.
 */
export async function chromiumPath(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const mod = await import('@sparticuz/chromium');
  return (mod.default ?? mod).executablePath();
}

async function chromiumArgs(): Promise<string[]> {
  const mod = await import('@sparticuz/chromium');
  // keep the browser's own security on: the pages must work under their CSP
  // and several pages at once: --single-process is for AWS Lambda, where the package comes from
  const drop = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);
  return [...(mod.default ?? mod).args.filter((a: string) => !drop.has(a)), '--disable-background-networking', '--disable-component-update', '--no-first-run'];
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env[CHROMIUM_ENV] ?? (await chromiumPath());
  return chromium.launch({ executablePath, headless: true, args: await chromiumArgs() });
}

/** A test app for the browser: listening on loopback, its public address (certificate links) that very address. */
export async function servedTestApp(overrides: Partial<AppConfig> = {}): Promise<{ t: TestApp; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ publicBaseUrl: base, ...overrides });
  await t.app.listen(port, '127.0.0.1');
  return { t, base };
}

export interface BrowserOptions { javaScript?: boolean; lang?: 'en' | 'es' }

export async function newContext(browser: Browser, base: string, o: BrowserOptions = {}): Promise<BrowserContext> {
  return browser.newContext({
    baseURL: base,
    javaScriptEnabled: o.javaScript ?? true,
    locale: o.lang === 'es' ? 'es-US' : 'en-US',
    extraHTTPHeaders: { 'Accept-Language': o.lang === 'es' ? 'es-US,es;q=0.9' : 'en-US,en;q=0.9' },
    viewport: { width: 1024, height: 800 },
  });
}

/** Runs axe on the page as it is now: WCAG 2.1 A and AA. Returns the violations in a readable form. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

/**
 * A person's session in the browser that checks every page it lands on with axe. Each
 * visited page is recorded; `violations` collects what axe found on any of them.
 */
export class Visitor {
  readonly visited: string[] = [];
  readonly violations: string[] = [];
  private inspector: Page | null = null;

  /** `javaScript: false`: axe cannot run in the page itself, so a copy of the page is checked in a second, scripted page. */
  constructor(readonly page: Page, private readonly o: { javaScript?: boolean; browser?: Browser; base?: string } = {}) {}

  /** Call after each navigation (a link, a form, a redirect). */
  async check(): Promise<void> {
    await this.page.waitForLoadState('domcontentloaded');
    const path = new URL(this.page.url()).pathname;
    this.visited.push(path);
    if (this.o.javaScript !== false) return void this.violations.push(...(await axeViolations(this.page)));
    if (!this.inspector) {
      this.inspector = await (await this.o.browser!.newContext({ baseURL: this.o.base })).newPage();
      await this.inspector.goto('/health');
    }
    await this.inspector.setContent(await this.page.content(), { waitUntil: 'load' });
    this.violations.push(...(await axeViolations(this.inspector)).map((v) => `${path} (no JavaScript) ${v}`));
  }

  /** Ticks a radio button or checkbox by its label, as a person does (USWDS draws the label; the input is hidden). */
  async tick(label: string): Promise<void> {
    await this.page.locator('label', { hasText: label }).first().click();
  }

  async close(): Promise<void> {
    await this.inspector?.context().close();
    await this.page.context().close();
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path);
    await this.check();
  }

  /** Follows a link or presses a button (found by role and name, as a person would) to the next page. */
  async click(role: 'link' | 'button', name: string | RegExp): Promise<void> {
    await Promise.all([this.page.waitForNavigation(), this.page.getByRole(role, { name }).first().click()]);
    await this.check();
  }
}

/** Waits until the locator shows (an assertion: it throws when nothing matching appears). */
export async function shown(locator: Locator, timeout = 10_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}
