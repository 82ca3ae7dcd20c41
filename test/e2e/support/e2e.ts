import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchBrowser, newContext, openApp, watchConsole, watchCspViolations, watchProblems } from './browser';
import { startHarness, type HarnessProcess, type StartOptions } from './harness-process';

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and CSP violations seen so far; must be empty when the test ends. */
  problems: string[];
  /** Every console message and page error so far, of any level (for secret searches). */
  consoleMessages: string[];
}

export interface E2E {
  /** A fresh, empty data folder for this test, removed after it. */
  makeDataDir(): Promise<string>;
  /** A harness on a data folder (a fresh one unless given), stopped after the test. */
  startHarness(options?: Partial<StartOptions>): Promise<HarnessProcess>;
  /** A new browser context on the harness's URL, once the renderer says it is ready. */
  open(harness: HarnessProcess): Promise<OpenedApp>;
}

/**
 * Bruno's e2e rules as one helper: one browser per file (launching is the slow part), but per test a
 * fresh data folder, its own harness process(es) and browser context, and a wait on the app's ready
 * signal rather than on time. Any console error or CSP violation fails the test.
 */
export function useE2E(): E2E {
  let browser: Browser | undefined;
  let dirs: string[] = [];
  let harnesses: HarnessProcess[] = [];
  let opened: OpenedApp[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async (context) => {
    const problems = opened.flatMap((app) => app.problems);
    await Promise.all(opened.map((app) => app.context.close()));
    await Promise.all(harnesses.map((harness) => harness.stop()));
    if (context.task.result?.state === 'fail') {
      for (const harness of harnesses)
        process.stderr.write(`--- harness stderr (${harness.url.split('?')[0]}) ---\n${harness.stderr()}\n`);
    }
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
    [dirs, harnesses, opened] = [[], [], []];
    expect(problems, 'console errors or CSP violations in the page').toEqual([]);
  });

  const e2e: E2E = {
    async makeDataDir() {
      const dir = await mkdtemp(join(tmpdir(), 'keyhaven-e2e-'));
      dirs.push(dir);
      return dir;
    },
    async startHarness(options = {}) {
      const dataDir = options.dataDir ?? (await e2e.makeDataDir());
      const harness = await startHarness({ ...options, dataDir });
      harnesses.push(harness);
      return harness;
    },
    async open(harness) {
      if (!browser) throw new Error('useE2E(): the browser is not launched (call it at the top of a describe).');
      const context = await newContext(browser, harness.origin);
      const page = await context.newPage();
      const problems = watchProblems(page);
      const consoleMessages = watchConsole(page);
      await watchCspViolations(page, problems);
      const app = { page, context, problems, consoleMessages };
      opened.push(app);
      await openApp(page, harness.url);
      return app;
    },
  };
  return e2e;
}
