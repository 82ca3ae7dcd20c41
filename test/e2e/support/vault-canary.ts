import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { folderHits, textHits, type CanaryHit } from './canary';
import type { OpenedApp } from './e2e';
import type { HarnessProcess } from './harness-process';

/**
 * The vault canary test's own searches (issue 4, "Storage and keychain"): each harness's output and what
 * the page keeps; and its positive control, proving the search finds a planted copy.
 */

/** Each harness's stdout and stderr, searched for every canary. */
export function logHits(harnesses: HarnessProcess[], secrets: string[]): CanaryHit[] {
  return harnesses.flatMap((harness) => [
    ...textHits(`stdout of ${harness.dataDir}`, harness.stdout(), secrets),
    ...textHits(`stderr of ${harness.dataDir}`, harness.stderr(), secrets),
  ]);
}

/**
 * What the page keeps: its localStorage and sessionStorage, and the document itself once every
 * dialog is closed (a revealed key must leave the DOM with its dialog).
 */
export async function pageHits(app: OpenedApp, secrets: string[]): Promise<CanaryHit[]> {
  const page: Page = app.page;
  // A string: this file is compiled without the DOM types.
  const storage = await page.evaluate<string>(
    'JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } })',
  );
  return [...textHits('page storage', storage, secrets), ...textHits('page document', await page.content(), secrets)];
}

/**
 * The canary test's positive control, once its search of `dataDir` found nothing: a copy planted in
 * backups/ (base64, at an odd offset) and in a `.bak` (clear) is found, and so is one in a log line (and
 * in a console message). The planted copies are removed again.
 */
export async function expectPlantedCopiesFound(
  dataDir: string,
  canaries: { rotate: string; import: string; paste: string; wizard: string },
  secrets: string[],
): Promise<void> {
  const planted = join(dataDir, 'backups', 'planted');
  await mkdir(planted, { recursive: true });
  await writeFile(
    join(planted, 'x.tmp'),
    Buffer.from(`{"v":"${Buffer.from(`#${canaries.rotate}!`).toString('base64')}"}`),
  );
  await writeFile(join(planted, 'vaults.json.bak'), `..${canaries.import}..`);
  const found = await folderHits(dataDir, secrets);
  expect(found.map((hit) => [hit.secret, hit.where.slice(planted.length + 1)])).toEqual(
    expect.arrayContaining([
      [canaries.rotate, 'x.tmp'],
      [canaries.import, 'vaults.json.bak'],
    ]),
  );
  expect(found.every((hit) => hit.where.startsWith(planted))).toBe(true);
  const line = `[harness] debug ${Buffer.from(`ab${canaries.paste}`).toString('base64url')}`;
  expect(textHits('planted log', line, secrets).map((hit) => hit.secret)).toEqual([canaries.paste]);
  expect(textHits('planted console', `log: ${canaries.wizard}`, secrets)).toHaveLength(1);
  await rm(planted, { recursive: true });
}
