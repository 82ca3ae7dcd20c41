import { describe, expect, it } from 'vitest';
import { screenshot, screenshotBothSizes } from './support/browser';
import { testApiBaseUrl } from './support/console-steps';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { openAppCard } from './support/slice-steps';

interface Issued {
  key: { id: string; keyId: string; name: string };
  plaintext: string;
}

async function rpcOk<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** The local test API's answer to `GET /v1/whoami` with the key as a Bearer token: status and code. */
async function whoami(base: string, plaintext: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(`${base}/v1/whoami`, { headers: { authorization: `Bearer ${plaintext}` } });
  const body = (await response.json()) as { code?: string };
  return { status: response.status, ...(body.code ? { code: body.code } : {}) };
}

/**
 * Issue 14, item 5: the key's page, the table that hides ended keys, disable and enable, archive —
 * each checked in the built renderer and against the local test API of the same harness.
 */
describe('a page per issued key', () => {
  const e2e = useE2E();

  it('hides a revoked key, shows a key’s page, disables and enables it, and archives the app', async () => {
    const harness = await e2e.startHarness({ args: ['--test-api-port', '0'] });
    const base = await testApiBaseUrl(harness);
    const app = await rpcOk<{ id: string }>(harness, 'apps:create', { name: 'Pyas' });
    const issue = (name: string) =>
      rpcOk<Issued>(harness, 'keys:generate', {
        appId: app.id,
        name,
        expiration: { kind: 'preset', preset: '1y' },
        scopes: ['read:items', 'read:users'],
      });
    const leaked = await issue('Leaked');
    await rpcOk(harness, 'keys:revoke', { id: leaked.key.id });
    const production = await issue('Production');
    for (let i = 0; i < 3; i += 1) expect(await whoami(base, production.plaintext)).toEqual({ status: 200 });
    expect(await whoami(base, leaked.plaintext)).toEqual({ status: 401, code: 'REVOKED' });

    const { page } = await e2e.open(harness);
    await openAppCard(page, 'Pyas');
    // The revoked key is hidden behind its toggle.
    const toggle = page.getByRole('checkbox', { name: 'Show revoked and rotated (1)' });
    await toggle.waitFor();
    await page.getByRole('status').filter({ hasText: '1 of 2 keys' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'Leaked' }).count()).toBe(0);
    await screenshotBothSizes(page, '240-keys-table-ended-hidden');
    await toggle.check();
    await page.getByRole('row').filter({ hasText: 'Leaked' }).getByText('Revoked', { exact: true }).first().waitFor();
    await screenshotBothSizes(page, '241-keys-table-ended-shown');

    // The key's page, from its name.
    await page.getByRole('row').filter({ hasText: 'Production' }).getByRole('button', { name: 'Production' }).click();
    const heading = page.getByRole('heading', { level: 2, name: 'Production' });
    await heading.waitFor();
    await page.getByText(/^3 verifications in the last 30 days; most on .+ \(3\); used on 1 day\.$/).waitFor();
    await page.getByRole('img', { name: 'Bar chart of verifications per day over the last 30 days' }).waitFor();
    await page
      .getByRole('table', { name: 'Activity of Production, newest first' })
      .getByText('Key generated')
      .waitFor();
    await screenshotBothSizes(page, '242-key-page');

    // Disable: DISABLED from the test API, Disabled on the page; enable: VALID again.
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByText('Disabled: the key answers DISABLED until you enable it.').waitFor();
    expect(await whoami(base, production.plaintext)).toEqual({ status: 401, code: 'DISABLED' });
    await screenshotBothSizes(page, '243-key-page-disabled');
    await page.keyboard.press('Escape');
    const row = page.getByRole('row').filter({ hasText: 'Production' });
    await row.getByText('Disabled', { exact: true }).waitFor();
    await screenshot(page, '244-keys-table-disabled');
    await row.getByRole('button', { name: 'Production' }).click();
    await page.getByRole('button', { name: 'Enable' }).click();
    await page.getByText('Enabled: the key works again.').waitFor();
    expect(await whoami(base, production.plaintext)).toEqual({ status: 200 });

    // Archive the app: every key answers REVOKED.
    await page.getByRole('button', { name: 'Back to API keys' }).click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Archive app' }).click();
    const dialog = page.getByRole('dialog', { name: 'Archive app' });
    await screenshot(page, '245-archive-app-confirm');
    await dialog.getByRole('button', { name: 'Archive app' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1 }).getByText('Archived').waitFor();
    expect(await whoami(base, production.plaintext)).toEqual({ status: 401, code: 'REVOKED' });
    // Archive removed its own button: focus is on Delete, the next step.
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Delete app');
    // Both sizes, each scrolled to the section (a resize keeps the old scroll position).
    const deleteButton = page.getByRole('button', { name: 'Delete app' });
    await deleteButton.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, '246-app-archived-settings');
    await page.setViewportSize({ width: 1024, height: 640 });
    await deleteButton.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, '246-app-archived-settings-1024');
    for (const key of [production, leaked]) expect(await page.content()).not.toContain(key.plaintext);
  });
});
