import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import { folderHits, textHits } from './support/canary';
import { secretTrail } from './support/console-secrets';
import { addConsoleEntry, goToConsole, openRequestTab } from './support/console-steps';
import { collectionsTree, folderList, treeAction } from './support/console-library-steps';
import { useE2E } from './support/e2e';
import { expectKeychainAvailable } from './support/slice-steps';
import { goToVaults, openVault } from './support/vault-steps';

/**
 * Importing collections into the console and exporting one (issue 13), in Chromium against the real
 * core: a Postman collection, an Insomnia export, a Bruno folder and an OpenAPI file — the fixtures
 * written as those tools write them — each previewed, then imported with its environments; an
 * OpenAPI security scheme mapped to a vault entry; a collection exported for Postman (no key in it)
 * and imported back to the same requests.
 */
const fixture = (name: string) => fileURLToPath(new URL(`../core/console/transfer/fixtures/${name}`, import.meta.url));

async function openImport(page: Page) {
  await page.getByRole('button', { name: 'Import a collection', exact: true }).click();
  return page.getByRole('dialog', { name: 'Import a collection' });
}

/** Import → pick → the preview → (entry) → Import; resolves on the sidebar's message, returns it. */
async function importPicked(
  page: Page,
  pick: { file: string } | { folder: string } | { buffer: { name: string; mimeType: string; buffer: Buffer } },
  options: { entry?: string; screenshot?: string } = {},
): Promise<string> {
  const dialog = await openImport(page);
  if ('folder' in pick) await dialog.getByLabel('Choose a Bruno folder').setInputFiles(pick.folder);
  else await dialog.getByLabel('Choose a file').setInputFiles('file' in pick ? pick.file : pick.buffer);
  const confirm = dialog.getByRole('button', { name: /^Import \d+ requests?$/ });
  await confirm.waitFor();
  if (options.entry) await dialog.getByLabel(/send a key\. Send it with/).selectOption({ label: options.entry });
  if (options.screenshot) await screenshotBothSizes(page, options.screenshot);
  await confirm.click();
  await dialog.waitFor({ state: 'detached' });
  const message = page.getByRole('status').filter({ hasText: /^Imported / });
  await message.waitFor();
  return (await message.textContent()) ?? '';
}

async function savedCount(page: Page, folder: string): Promise<number> {
  return folderList(page, folder)
    .getByRole('button', { name: /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) / })
    .count();
}

describe('console: imports and exports', () => {
  const e2e = useE2E();

  it('imports Postman, Insomnia, Bruno and OpenAPI collections, and exports one that imports back', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const app = await e2e.open(harness);
    const { page } = app;
    const secret = `pyas_import${randomBytes(16).toString('hex')}`;
    await goToVaults(page);
    await openVault(page, 'Personal');
    await addConsoleEntry(page, 'Personal', { name: 'Acme key', key: secret, preset: 'Pyas' });
    await goToConsole(page);

    const postman = await importPicked(
      page,
      { file: fixture('postman-acme.postman_collection.json') },
      { screenshot: '175-console-import-preview' },
    );
    expect(postman).toMatch(/^Imported Acme .+: \d+ requests and 1 environment\.$/);
    const insomnia = await importPicked(page, { file: fixture('insomnia-orders.v4.json') });
    expect(insomnia).toMatch(/^Imported .+: \d+ requests and \d+ environments\.$/);
    const bruno = await importPicked(page, { folder: fixture('bruno-acme') });
    expect(bruno).toMatch(/^Imported .+: \d+ requests and 2 environments\.$/);
    const openapi = await importPicked(
      page,
      { file: fixture('openapi-acme.yaml') },
      { entry: 'The vault key Personal · Acme key' },
    );
    expect(openapi).toMatch(/^Imported .+: \d+ requests/);

    const collections = await harness.rpc<{
      folders: { name: string; parentId: string | null }[];
      saved: { request: { auth: { kind: string } } }[];
    }>('console:collections');
    if (!collections.ok) throw new Error(collections.error.message);
    const tops = collections.value.folders.filter((f) => f.parentId === null).map((f) => f.name);
    expect(tops).toHaveLength(4);
    expect(collections.value.saved.some((s) => s.request.auth.kind === 'entry')).toBe(true);
    const environments = await harness.rpc<{ environments: { name: string }[] }>('console:environments');
    if (!environments.ok) throw new Error(environments.error.message);
    expect(environments.value.environments.map((e) => e.name)).toContain('Staging');

    // An imported OpenAPI request opens with the chosen vault entry as its authentication.
    const openapiName = tops[3]!;
    await collectionsTree(page).getByRole('button', { name: openapiName, exact: true }).waitFor();
    const firstWithAuth = folderList(page, openapiName)
      .getByRole('button', { name: /^(GET|POST) / })
      .first();
    await firstWithAuth.click();
    await openRequestTab(page, 'Auth');
    await screenshotBothSizes(page, '176-console-imported');

    // Export the Postman one; nothing of the vault key in it; import it back: the same requests.
    const postmanName = tops[0]!;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      treeAction(page, postmanName, `Export ${postmanName} for Postman`),
    ]);
    const exported = await readFile((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.postman_collection\.json$/);
    expect(JSON.parse(exported).info.schema).toBe(
      'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    );
    expect(textHits('export', exported, [secret])).toEqual([]);
    const back = await importPicked(page, {
      buffer: { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(exported) },
    });
    const backName = /^Imported (.+): /.exec(back)?.[1] ?? '';
    expect(backName).toMatch(new RegExp(`^${postmanName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d\\)$`));
    const original = await harness.rpc<{
      folders: { id: string; name: string; parentId: string | null }[];
      saved: { name: string; folderId: string; request: { method: string; url: string } }[];
    }>('console:collections');
    if (!original.ok) throw new Error(original.error.message);
    const requestsUnder = (name: string) => {
      const top = original.value.folders.find((f) => f.parentId === null && f.name === name)!;
      const ids = new Set([top.id]);
      for (let grew = true; grew;) {
        grew = false;
        for (const f of original.value.folders)
          if (f.parentId && ids.has(f.parentId) && !ids.has(f.id)) grew = ids.add(f.id) && true;
      }
      return original.value.saved
        .filter((s) => ids.has(s.folderId))
        .map((s) => `${s.name} ${s.request.method} ${s.request.url}`)
        .sort();
    };
    expect(requestsUnder(backName)).toEqual(requestsUnder(postmanName));
    expect(await savedCount(page, backName)).toBeGreaterThan(0);
    // The canary: the vault key is in no file of the data folder, no list main answers, no output.
    expect(textHits('page console', app.consoleMessages.join('\n'), [secret])).toEqual([]);
    expect(await secretTrail(harness, secret)).toEqual([]);
    expect(await folderHits(harness.dataDir, [secret])).toEqual([]);
  });
});
