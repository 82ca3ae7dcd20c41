import { describe, expect, it } from 'vitest';
import { keyhaven, keyhavenOk } from '../cli/support/keyhaven-cli';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';

/**
 * Issue 11: the command line and the app share one data folder. What the command line changes, the
 * open window shows without a reload; both writing at once lose nothing; the activity log names the
 * command line as the actor of what it did.
 */
describe('the keyhaven command line beside the app', () => {
  const e2e = useE2E();

  it('shows an app the command line created, and its keys, in the open window', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    await harness.waitForStderr('events stream opened');

    await keyhavenOk(['apps', 'create', 'From the terminal'], { dataDir: harness.dataDir });
    const appButton = page.getByRole('list', { name: 'Apps' }).getByRole('button', { name: 'From the terminal' });
    await appButton.waitFor();
    await appButton.click();
    await page.getByText('No API keys yet').waitFor();

    const key = await keyhavenOk(['keys', 'create', 'From the terminal', '--name', 'CI deploy', '--no-scopes'], {
      dataDir: harness.dataDir,
    });
    const row = page.getByRole('row').filter({ hasText: 'CI deploy' });
    await row.getByText('Active', { exact: true }).waitFor();
    const label = key.trim().slice(0, key.indexOf('.'));
    await keyhavenOk(['keys', 'revoke', 'From the terminal', label], { dataDir: harness.dataDir });
    // A revoked key leaves the table until asked for (issue 14).
    await page.getByRole('checkbox', { name: 'Show revoked and rotated (1)' }).check();
    await row.getByText('Revoked', { exact: true }).waitFor();
    // The page never received the key itself.
    expect(await page.content()).not.toContain(key.trim());

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Activity' }).click();
    const generated = page.getByRole('row').filter({ hasText: 'Key generated' });
    await generated.getByText('by the command line').waitFor();
    await screenshot(page, '160-activity-by-command-line');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, '160-activity-by-command-line-1024');
  });

  it('loses nothing when the app and the command line add vault keys at the same time', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    await page.getByRole('heading', { name: 'Apps', level: 1 }).waitFor();
    const vaults = await harness.rpc<{ id: string; name: string }[]>('vaults:list');
    if (!vaults.ok) throw new Error(vaults.error.message);
    const personal = vaults.value.find((vault) => vault.name === 'Personal');
    if (!personal) throw new Error('no Personal vault');

    const COUNT = 12;
    const fromApp = (async () => {
      for (let i = 0; i < COUNT; i += 1) {
        const added = await harness.rpc('entries:add', {
          vaultId: personal.id,
          name: `app-${i}`,
          secret: `sk_app_${i}_abcdefghijkl`,
        });
        expect(added.ok).toBe(true);
      }
    })();
    const fromCli = (async () => {
      for (let i = 0; i < COUNT; i += 1) {
        const run = await keyhaven(['vault', 'add', 'Personal', '--name', `cli-${i}`], {
          dataDir: harness.dataDir,
          input: `sk_cli_${i}_abcdefghijkl`,
        });
        expect(run.stdout).toContain(`Added "cli-${i}"`);
        expect(run.code).toBe(0);
      }
    })();
    await Promise.all([fromApp, fromCli]);

    const listed = JSON.parse(
      await keyhavenOk(['--json', 'vault', 'entries', 'Personal'], { dataDir: harness.dataDir }),
    ) as { name: string }[];
    expect(listed.map((entry) => entry.name).sort()).toEqual(
      [
        ...Array.from({ length: COUNT }, (_, i) => `app-${i}`),
        ...Array.from({ length: COUNT }, (_, i) => `cli-${i}`),
      ].sort(),
    );
    // Every value reads back as written, through the other process.
    for (const i of [0, COUNT - 1]) {
      expect(await keyhavenOk(['read', `kh://Personal/app-${i}`], { dataDir: harness.dataDir })).toBe(
        `sk_app_${i}_abcdefghijkl\n`,
      );
    }
    const fromAppSide = await harness.rpc<{ name: string }[]>('entries:list', { vaultId: personal.id });
    expect(fromAppSide.ok && fromAppSide.value.length).toBe(2 * COUNT);
    const chain = await harness.rpc<{ intact: boolean }>('activity:checkChain');
    expect(chain.ok && chain.value.intact).toBe(true);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Vaults' }).click();
    // The vault list counts both processes' keys (the table is virtualised: not every row is drawn).
    await page
      .getByText(`${2 * COUNT} entries`)
      .first()
      .waitFor();
    await page.getByRole('row').filter({ hasText: 'app-0' }).first().waitFor();
    await screenshot(page, '161-vault-entries-from-app-and-command-line');
    await page.setViewportSize({ width: 1024, height: 640 });
    await screenshot(page, '161-vault-entries-from-app-and-command-line-1024');
  });
});
