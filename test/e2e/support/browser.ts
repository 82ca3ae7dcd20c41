import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { animationsSettled, axeViolations, axeViolationsInOtherTheme } from './axe';
import { REPO_ROOT } from './harness-process';

/** Debian's Chromium; Playwright's own browser download cannot work here (ENVIRONMENT.md). */
export const CHROMIUM = process.env.KEYHAVEN_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = join(REPO_ROOT, 'test-results', 'screenshots');
export const VIEWPORT = { width: 1280, height: 800 };

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox: CI runs as root. The rest keep Chromium off a network that is closed here.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export function newContext(browser: Browser, origin: string): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT }).then(async (context) => {
    // Copy writes to the clipboard; the test reads it back to check what was copied.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    return context;
  });
}

/**
 * Everything the page reports that a user would never want: console errors, uncaught exceptions and
 * CSP violations (the CSP is strict; a violation means something the app relies on is blocked).
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/**
 * Every console message the page prints, of any type, with its arguments' text: the canary test
 * searches them for secrets. Attach before the first navigation to catch the start-up messages too.
 */
export function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}\n${error.stack ?? ''}`));
  return messages;
}

/**
 * CSP violations are reported through a binding, which Playwright installs outside the page's CSP.
 * Must be called before the first navigation.
 */
export async function watchCspViolations(page: Page, problems: string[]): Promise<void> {
  await page.exposeBinding('__keyhavenCspViolation', (_source, text: string) => {
    problems.push(`CSP violation: ${text}`);
  });
  // A string, not a function: this file is compiled without the DOM types.
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (event) => {
      window.__keyhavenCspViolation(event.effectiveDirective + ' blocked ' + (event.blockedURI || '(inline)') +
        ' at ' + event.sourceFile + ':' + event.lineNumber);
    });`,
  });
}

/** Opens the harness URL and waits for the renderer's own signal that its first data is loaded. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
}

/**
 * `NN-name.png` under test-results/screenshots; NN is given by the test so the files sort by flow.
 * Animations are finished first (a dialog fades in for 120 ms), so the picture is the settled screen,
 * and every screen pictured is checked with axe-core (WCAG 2.x A and AA) in the theme shown, and its
 * colours in the other theme too: a violation fails the test.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await animationsSettled(page);
  const violations = [...(await axeViolations(page)), ...(await axeViolationsInOtherTheme(page))];
  expect(violations, `axe-core on the screen of ${name}`).toEqual([]);
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

const SMALL_VIEWPORT = { width: 1024, height: 640 };

/** screenshot() at 1280×800 as `name`, then at 1024×640 as `name-1024` (each checked with axe-core). */
export async function screenshotBothSizes(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.setViewportSize(SMALL_VIEWPORT);
  await screenshot(page, `${name}-1024`);
  await page.setViewportSize(VIEWPORT);
}
