import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import { launchBrowser, newContext, openApp } from '../e2e/support/browser';
import { startHarness } from '../e2e/support/harness-process';
import { makeTempDir } from '../support/temp-dir';
import { seedKeys } from './seed-store';
import { firstRenderScript, keystrokeScript, ROWS_IN_DOM_SCRIPT } from './table-render-page';

export interface KeysTableBench {
  /** From the click on the app to the first painted frame with key rows, measured in the page. */
  firstRenderMs: number;
  /** One figure per character typed into the table's search field: input event → painted frame. */
  filterKeystrokeMs: number[];
  /** Key rows in the document after the first render (virtualised: a screenful, not every key). */
  rowsInDom: number;
  /** What was typed, and how many keys matched after each character. */
  filterQuery: string;
  filterMatches: number[];
  keys: number;
}

export interface KeysTableBenchOptions {
  /** Keys in the one app (default 10,000). */
  keys?: number;
  /** Typed one character at a time (default "123456": each of the first five narrows the list). */
  query?: string;
}

const APP_NAME = 'Bench';

/** The renderer's own filter rule (key-table-model.ts): name or `prefix_keyId`, ignoring case. */
function countMatches(keys: readonly { name: string; publicPart: string }[], text: string): number {
  const needle = text.trim().toLocaleLowerCase();
  if (needle === '') return keys.length;
  return keys.filter(
    (key) => key.name.toLocaleLowerCase().includes(needle) || key.publicPart.toLocaleLowerCase().includes(needle),
  ).length;
}

/**
 * The keys table with 10,000 keys in the built renderer, in Chromium, through the browser harness: how
 * long the first render takes and how each keystroke in the search field feels. The store is filled in
 * one transaction (`seedKeys`), not with 10,000 durable generates, by the core opened here with the real
 * keychain the harness then uses. Needs a Secret Service (see table-render-cli.ts) and a build (out/).
 * Prints nothing.
 */
export async function benchKeysTable(options: KeysTableBenchOptions = {}): Promise<KeysTableBench> {
  const count = options.keys ?? 10_000;
  const query = options.query ?? '123456';
  const dir = await makeTempDir('keyhaven-table-bench');
  try {
    const keychain = new KeytarKeychain();
    const core = await openCore({ dataDir: dir.path, keychain, version: 'bench' });
    let keys: { name: string; publicPart: string }[];
    try {
      const app = await core.apps.create({ name: APP_NAME });
      const hasher = await core.secrets.hasherFor(app.id);
      await seedKeys(core, app.id, hasher, count);
      keys = core.keys.list(app.id).map((key) => ({ name: key.name, publicPart: `${key.keyPrefix}_${key.keyId}` }));
    } finally {
      await core.close();
    }

    const harness = await startHarness({ dataDir: dir.path });
    const browser = await launchBrowser();
    try {
      const context = await newContext(browser, harness.origin);
      const page = await context.newPage();
      await openApp(page, harness.url);
      await page
        .getByRole('list', { name: 'Apps' })
        .getByRole('button', { name: new RegExp(`^${APP_NAME}\\b`) })
        .waitFor();

      const firstRenderMs = await page.evaluate<number>(firstRenderScript());
      const rowsInDom = await page.evaluate<number>(ROWS_IN_DOM_SCRIPT);

      const filterKeystrokeMs: number[] = [];
      const filterMatches: number[] = [];
      const unit = count === 1 ? 'key' : 'keys';
      for (let i = 1; i <= query.length; i += 1) {
        const text = query.slice(0, i);
        const matches = countMatches(keys, text);
        filterMatches.push(matches);
        filterKeystrokeMs.push(await page.evaluate<number>(keystrokeScript(text, `${matches} of ${count} ${unit}`)));
      }
      await context.close();
      return { firstRenderMs, filterKeystrokeMs, rowsInDom, filterQuery: query, filterMatches, keys: count };
    } finally {
      await browser.close();
      await harness.stop();
    }
  } finally {
    await dir.remove();
  }
}
