import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';

/**
 * Issue 10: another process's writes count at once, and the page is told (data:changed over the
 * harness's event stream, as main's webContents.send in the app). Two harnesses on one data folder: what
 * one creates, the other's page shows without a reload, a poll or a focus.
 */
describe('a second process on the same data folder', () => {
  const e2e = useE2E();

  it('shows an app created by the other process, and a key it revoked, without a reload', async () => {
    const first = await e2e.startHarness();
    const second = await e2e.startHarness({ dataDir: first.dataDir });
    const { page } = await e2e.open(first);
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await first.waitForStderr('events stream opened');

    const created = await second.rpc<{ id: string }>('apps:create', { name: 'Made elsewhere' });
    expect(created.ok).toBe(true);
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Made elsewhere' }).waitFor();
    await screenshot(page, '150-live-app-from-other-process');

    // A key issued and then revoked by the other process: the open keys table follows both.
    await page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'Made elsewhere' }).click();
    await page.getByText('No API keys yet').waitFor();
    const appId = created.ok ? created.value.id : '';
    const issued = await second.rpc<{ key: { id: string } }>('keys:generate', {
      appId,
      name: 'From the terminal',
      expiration: { kind: 'never' },
      scopes: [],
      noScopes: true,
    });
    expect(issued.ok).toBe(true);
    const row = page.getByRole('row').filter({ hasText: 'From the terminal' });
    await row.getByText('Active', { exact: true }).waitFor();
    await second.rpc('keys:revoke', { id: issued.ok ? issued.value.key.id : '' });
    // A revoked key leaves the table until asked for (issue 14).
    await page.getByRole('checkbox', { name: 'Show revoked and rotated (1)' }).check();
    await row.getByText('Revoked', { exact: true }).waitFor();
  });
});
