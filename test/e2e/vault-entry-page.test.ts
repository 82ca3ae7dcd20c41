// An entry's own page and the bulk bar in Chromium (issue 14, item 6): Show opens the page with the
// key revealed; a previous version is copied and restored from its history; Escape goes back to the
// row. Ticked entries get tags, move to a locked vault (unlocked on the way) with every key intact,
// and a bulk delete comes back with Undo. Every screen pictured passes axe in both themes.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, screenshotBothSizes } from './support/browser';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import {
  entryRow,
  goToVaults,
  harnessClipboard,
  listEntries,
  openVault,
  showEntry,
  vaultByName,
} from './support/vault-steps';

const OLD_KEY = 'pyas_live_OldValue0001';
const NEW_KEY = 'pyas_live_NewValue0002';

async function call<T>(harness: HarnessProcess, channel: string, input: unknown): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

const reveal = async (harness: HarnessProcess, entryId: string) =>
  (await call<{ secret: string }>(harness, 'entries:reveal', { entryId })).secret;

/** "Pyas prod" in Personal, with everything an entry can say, and its first key in its history. */
async function seedEntry(harness: HarnessProcess): Promise<string> {
  // The first-run passphrase offer answered, so the page is what the README pictures.
  await call(harness, 'vaults:updateSettings', { passphraseOffered: true });
  const personal = await vaultByName(harness, 'Personal');
  const entry = await call<{ id: string }>(harness, 'entries:add', {
    vaultId: personal.id,
    name: 'Pyas prod',
    secret: OLD_KEY,
    preset: 'pyas',
    baseUrl: 'https://api.pyas.example',
    allowedHosts: ['api.pyas.example', '*.pyas.example'],
    tags: ['prod', 'billing'],
    notes: 'Rotated every quarter.\nOwner: platform team.',
    expiresAt: '2027-06-30T12:00:00.000Z',
  });
  await call(harness, 'entries:update', { entryId: entry.id, secret: NEW_KEY });
  return entry.id;
}

const focusedName = (page: Page) => page.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''");

describe('vaults: an entry’s page', () => {
  const e2e = useE2E();

  it('Show opens the page revealed; a previous key is copied and restored; Escape returns to its row', async () => {
    const harness = await e2e.startHarness();
    const entryId = await seedEntry(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const personal = await openVault(page, 'Personal');

    const { entry, secret } = await showEntry(personal, 'Pyas prod');
    expect(secret).toBe(NEW_KEY);
    await entry.getByText('Key · version 2').waitFor();
    await entry.getByText('https://api.pyas.example', { exact: true }).waitFor();
    await entry.getByRole('list', { name: 'Allowed hosts' }).getByText('*.pyas.example').waitFor();
    await entry.getByRole('list', { name: 'Tags' }).getByText('billing').waitFor();
    await entry.getByText(/Owner: platform team\./).waitFor();
    await entry.getByText('Version 1', { exact: true }).waitFor();
    await screenshotBothSizes(page, '340-entry-page');

    // The old key, from its history: copied by main, the notice on that version's line.
    await entry.getByRole('button', { name: 'Copy version 1', exact: true }).click();
    await entry
      .locator('.entry-versions__copied')
      .getByText(/^Copied version 1/)
      .waitFor();
    expect(await harnessClipboard(harness)).toBe(OLD_KEY);

    // Restore: version 1 becomes the current key as version 3; version 2 is kept in the history.
    await entry.getByRole('button', { name: 'Restore version 1', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore a previous key' });
    await confirm.getByText(/It becomes version 3; the current key \(version 2\) is kept/).waitFor();
    await screenshot(page, '341-entry-restore-confirm');
    await confirm.getByRole('button', { name: 'Restore version 1' }).click();
    await entry.getByText('Version 1 is the current key again, as version 3.').waitFor();
    await entry.getByText('Version 2', { exact: true }).waitFor();
    expect(await reveal(harness, entryId)).toBe(OLD_KEY);
    // The key shown before was version 2's: hidden now, and Show shows the restored one.
    await entry.getByText('Key of Pyas prod is hidden').waitFor();
    await entry.getByRole('button', { name: 'Show', exact: true }).click();
    await entry.getByLabel('Key of Pyas prod', { exact: true }).getByText(OLD_KEY).waitFor();

    // Escape: back to the table, with focus on the row the page was opened from.
    await page.keyboard.press('Escape');
    await entry.waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(page)).toBe('Show Pyas prod');
    await screenshot(page, '342-back-to-table');
  });

  it('ticked entries: tags, a move into a locked vault, and a bulk delete undone', async () => {
    const harness = await e2e.startHarness();
    const personal = await vaultByName(harness, 'Personal');
    const keys: Record<string, string> = {
      'Pyas prod': 'pyas_live_Bulk000001',
      'nexos team': 'nexos_Bulk000002',
      'atfinity ops': 'atf_Bulk000003',
    };
    for (const [name, secret] of Object.entries(keys)) {
      await call(harness, 'entries:add', { vaultId: personal.id, name, secret });
    }
    const team = await call<{ id: string }>(harness, 'vaults:create', { name: 'Team' });
    await call(harness, 'entries:add', { vaultId: team.id, name: 'Pyas prod', secret: 'pyas_live_TeamOwn0004' });
    await call(harness, 'vaults:lock', { vaultId: team.id });
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const panel = await openVault(page, 'Personal');

    for (const name of ['Pyas prod', 'nexos team']) {
      await entryRow(panel, name)
        .getByRole('checkbox', { name: `Select ${name}` })
        .check();
    }
    const bar = panel.getByRole('group', { name: '2 keys selected' });
    await bar.waitFor();
    await screenshotBothSizes(page, '343-bulk-bar');

    await bar.getByRole('button', { name: 'Tags' }).click();
    const tags = page.getByRole('dialog', { name: 'Tags of 2 keys' });
    await tags.getByLabel('Add tags').fill('ops, eu');
    await tags.getByRole('button', { name: 'Apply' }).click();
    await panel.getByText('Tags added ops, eu on 2 keys.').waitFor();
    const tagged = await listEntries(harness, personal.id);
    expect(
      tagged
        .filter((e) => e.tags.includes('ops'))
        .map((e) => e.name)
        .sort(),
    ).toEqual(['Pyas prod', 'nexos team']);

    // Team is locked: the dialog says so, and Move unlocks it (one click here: no passphrase) first.
    await bar.getByRole('button', { name: 'Move or copy' }).click();
    const move = page.getByRole('dialog', { name: 'Move or copy keys' });
    await move.getByLabel('Vault').selectOption({ label: 'Team (locked)' });
    await move.getByText(/Team is locked: Keyhaven asks to unlock it first/).waitFor();
    await screenshotBothSizes(page, '344-move-dialog');
    await move.getByRole('button', { name: 'Unlock and move' }).click();
    await panel.getByText('Moved 2 keys to Team (1 key renamed: the name was taken there).').waitFor();
    const inTeam = await listEntries(harness, team.id);
    expect(inTeam.map((e) => e.name).sort()).toEqual(['Pyas prod', 'Pyas prod (2)', 'nexos team']);
    const moved = inTeam.find((e) => e.name === 'Pyas prod (2)')!;
    expect(await reveal(harness, moved.id)).toBe(keys['Pyas prod']);
    expect(await reveal(harness, inTeam.find((e) => e.name === 'nexos team')!.id)).toBe(keys['nexos team']);
    expect((await listEntries(harness, personal.id)).map((e) => e.name)).toEqual(['atfinity ops']);
    await screenshot(page, '345-moved');

    // The last one: bulk delete, then Undo puts it back with its key.
    await entryRow(panel, 'atfinity ops').getByRole('checkbox', { name: 'Select atfinity ops' }).check();
    await panel.getByRole('group', { name: '1 key selected' }).getByRole('button', { name: 'Delete selected' }).click();
    const del = page.getByRole('dialog', { name: 'Delete 1 entry' });
    await del.getByRole('button', { name: 'Delete 1 entry' }).click();
    await page.getByText('Deleted atfinity ops').waitFor();
    await screenshot(page, '346-bulk-deleted');
    await page.getByRole('button', { name: 'Undo' }).click();
    await entryRow(panel, 'atfinity ops').waitFor();
    const back = (await listEntries(harness, personal.id)).find((e) => e.name === 'atfinity ops')!;
    expect(await reveal(harness, back.id)).toBe(keys['atfinity ops']);
  });
});
