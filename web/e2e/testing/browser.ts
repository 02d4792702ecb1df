// Chromium for the browser tests and the live-latency benchmark: Debian's chromium (CI installs it with
// apt-get), driven by playwright-core. A missing browser fails loudly: a skipped browser test would let
// a broken workbench pass.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * No sandbox (CI runs as root in a container), no GPU, and none of the background traffic a fresh
 * profile starts (component updates, sync, QUIC probes) that would only add noise to timings.
 * Playwright gives each launch its own temporary profile: never pass --user-data-dir here.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ROOT = join(__dirname, '../../..');
export const SCREENSHOT_DIR = join(ROOT, 'build/artifacts/screenshots');

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the browser tests need it. Install Debian's chromium (apt-get install -y chromium; .ci/run does) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

export const LAPTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** A fresh context (own cookies and storage) in Chinese, as agents use it; notifications allowed. */
export async function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: LAPTOP, locale: 'zh-CN', permissions: ['notifications'], ...options });
  context.setDefaultTimeout(15_000); // fail within the test's time, with the step that hung
  return context;
}

/** A page in a fresh context, with its errors collected (assert the list empty at the end). */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser, options);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Chromium's own reports of failed requests (401 before login, a refused send's 409) are expected. */
const EXPECTED = /Failed to load resource|EventSource's response has a MIME type/;

/** Collects uncaught page errors and console errors; tests assert the list is empty at the end. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !EXPECTED.test(m.text())) errors.push(`console error: ${m.text()}`);
  });
  return errors;
}

/** Saves a full-page screenshot to build/artifacts/screenshots/<name>.png (CI keeps the folder). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** True when the page is wider than its viewport (a horizontal scrollbar on a phone). */
export function overflowsHorizontally(page: Page): Promise<boolean> {
  // A string: this code runs in the page, and the tests compile with Node's types, not the DOM's.
  return page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth + 1');
}
