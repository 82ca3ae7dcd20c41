import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import { startRecordingServer } from './support/console-servers';
import { goToConsole, openRequestTab, placementLine, sendForResponse, urlField } from './support/console-steps';
import { folderList, setHeader, tabTitles, treeAction } from './support/console-library-steps';
import { useE2E } from './support/e2e';

/**
 * The console laid out as an API client (issue 13), in Chromium against the real core and files:
 * collections with folders, Save (updates) against Save as (copies), tabs that mark unsaved changes,
 * every shortcut, a pasted header line split into scheme and key, and nothing stale on screen.
 */
const primary = 'Control';

describe('console: collections, tabs and shortcuts', () => {
  const e2e = useE2E();

  it('saves into folders, updates with Save and copies with Save as, marks unsaved tabs, and answers every shortcut', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    const echo = await startRecordingServer();
    await goToConsole(page);

    // A collection with a folder, made from the sidebar.
    await page.getByRole('button', { name: 'New collection', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'New collection' });
    await dialog.getByLabel('Name', { exact: true }).fill('Shop API');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await folderList(page, 'Shop API').waitFor();
    await treeAction(page, 'Shop API', 'New folder in Shop API');
    dialog = page.getByRole('dialog', { name: 'New folder in Shop API' });
    await dialog.getByLabel('Name', { exact: true }).fill('Orders');
    await dialog.getByRole('button', { name: 'Create', exact: true }).click();
    await folderList(page, 'Orders').waitFor();

    // Ctrl+L goes to the URL; Ctrl+Enter sends from a header's value.
    await page.getByRole('tablist', { name: 'Request parts' }).getByRole('tab', { name: 'Params' }).focus();
    await page.keyboard.press(`${primary}+l`);
    // A string: this file is compiled without the DOM types.
    expect(await page.evaluate("document.activeElement?.getAttribute('name')")).toBe('console-url');
    await page.keyboard.type(`${echo.base}/v1/orders`);
    await setHeader(page, 1, 'X-Trace', 'one');
    await page.getByLabel('Headers 1 value', { exact: true }).press(`${primary}+Enter`);
    await page.getByRole('region', { name: 'Response', exact: true }).getByText('200 OK').waitFor();
    expect(echo.received.map((r) => r.headers['x-trace'])).toEqual(['one']);
    expect(await tabTitles(page)).toEqual(['GET /v1/orders ●']);

    // Ctrl+S on a request never saved: Save as, into Orders.
    await page.keyboard.press(`${primary}+s`);
    dialog = page.getByRole('dialog', { name: 'Save request' });
    await dialog.getByLabel('Name', { exact: true }).fill('List orders');
    await dialog.getByLabel('Save in', { exact: true }).selectOption({ label: 'Shop API / Orders' });
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Saved as List orders in Shop API / Orders.' }).waitFor();
    expect(await tabTitles(page)).toEqual(['List orders']);

    // An edit marks the tab and the answer; Ctrl+S then updates the same saved request.
    await setHeader(page, 1, 'X-Trace', 'two');
    expect(await tabTitles(page)).toEqual(['List orders ●']);
    await page.getByRole('status').filter({ hasText: 'Changed since it was sent' }).waitFor();
    await page.keyboard.press(`${primary}+s`);
    await page.getByRole('status').filter({ hasText: 'Saved List orders.' }).waitFor();
    expect(await tabTitles(page)).toEqual(['List orders']);
    let saved = await harness.rpc<{ saved: { name: string; request: { headers: { value: string }[] } }[] }>(
      'console:collections',
    );
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.saved.map((s) => [s.name, s.request.headers[0]?.value])).toEqual([['List orders', 'two']]);

    // Ctrl+Shift+S: Save as copies; the tab then edits the copy.
    await page.keyboard.press(`${primary}+Shift+s`);
    dialog = page.getByRole('dialog', { name: 'Save List orders as' });
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('List orders (copy)');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await folderList(page, 'Orders').getByRole('button', { name: 'GET List orders (copy)', exact: true }).waitFor();
    saved = await harness.rpc('console:collections');
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.saved.map((s) => s.name)).toEqual(['List orders', 'List orders (copy)']);

    // Opening the first from the tree: a tab of its own (the copy's tab has no unsaved change, so it is reused).
    await folderList(page, 'Orders').getByRole('button', { name: 'GET List orders', exact: true }).click();
    expect(await tabTitles(page)).toEqual(['List orders']);
    await page.getByRole('button', { name: 'New request', exact: true }).click();
    expect(await tabTitles(page)).toEqual(['List orders', 'New request']);
    // A new request shows nothing of the last one: no answer, no notice.
    await page.getByText('No response yet').waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(0);

    // A pasted Authorization line under "Type or paste a key" is split into scheme and key.
    await openRequestTab(page, 'Auth');
    await page.getByRole('radio', { name: 'Type or paste a key' }).check();
    await page.getByLabel('Key', { exact: true }).fill('Authorization: Bearer tok_e2e_split_1234567890');
    expect(await page.getByLabel('Header scheme', { exact: true }).inputValue()).toBe('bearer');
    await placementLine(page).filter({ hasText: 'Authorization: Bearer tok_' }).waitFor();

    // Escape cancels a request that gets no answer.
    const silent = await startRecordingServer(() => undefined);
    await urlField(page).fill(`${silent.base}/never`);
    await page.keyboard.press(`${primary}+Enter`);
    await page.getByRole('status').filter({ hasText: 'Sending…' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alert').filter({ hasText: 'The request was cancelled.' }).waitFor();

    // ? lists the shortcuts.
    await page.getByRole('button', { name: 'New request', exact: true }).focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('cell', { name: 'Save as a new request' }).waitFor();
    await screenshotBothSizes(page, '173-console-shortcuts');
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // The filter keeps what matches and the folders on the way.
    await page.getByLabel('Filter collections and history').fill('copy');
    await folderList(page, 'Orders').getByRole('button', { name: 'GET List orders (copy)', exact: true }).waitFor();
    expect(await folderList(page, 'Orders').getByRole('button', { name: 'GET List orders', exact: true }).count()).toBe(
      0,
    );
    await page.getByLabel('Filter collections and history').fill('');
    await folderList(page, 'Orders').getByRole('button', { name: 'GET List orders', exact: true }).click();
    await sendForResponse(page);
    await screenshotBothSizes(page, '174-console-collections');
  });
});
