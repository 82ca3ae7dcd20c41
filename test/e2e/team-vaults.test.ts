// Team vaults in Chromium (issue 15): a vault shared into a bare git repository from the app, a
// teammate (a second harness on its own data folder) added in Members, joining and changing the same
// key as the app, so the app shows the merged entry's history with who; the offline state; and a
// removal with the keys to rotate. Every screen pictured passes axe in both themes.
import { execFile } from 'node:child_process';
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import {
  closeDialog,
  entryRow,
  goToVaults,
  listEntries,
  openVault,
  showEntry,
  vaultByName,
} from './support/vault-steps';

async function call<T>(harness: HarnessProcess, channel: string, input: unknown = {}): Promise<T> {
  const result = await harness.rpc<T>(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

async function entryIdOf(harness: HarnessProcess, vaultId: string, name: string): Promise<string> {
  const found = (await listEntries(harness, vaultId)).find((entry) => entry.name === name);
  if (!found) throw new Error(`no entry named ${name}`);
  return found.id;
}

/** Personal with two external keys and one issued by Keyhaven (Pyas, "Production"). */
async function seedPersonal(harness: HarnessProcess): Promise<string> {
  await call(harness, 'vaults:updateSettings', { passphraseOffered: true });
  const personal = await vaultByName(harness, 'Personal');
  await call(harness, 'entries:add', {
    vaultId: personal.id,
    name: 'Stripe',
    secret: 'sk_live_TeamE2E0001',
    service: 'Stripe',
  });
  await call(harness, 'entries:add', {
    vaultId: personal.id,
    name: 'nexos.ai',
    secret: 'nx_TeamE2E0002',
    preset: 'nexos-ai',
  });
  const app = await call<{ id: string }>(harness, 'apps:create', { name: 'Pyas' });
  const issued = await call<{ key: { id: string } }>(harness, 'keys:generate', {
    appId: app.id,
    name: 'Production',
    expiration: { kind: 'preset', preset: '1y' },
    scopes: ['read:items'],
  });
  await call(harness, 'keys:saveInVault', { keyId: issued.key.id, vaultId: personal.id });
  return personal.id;
}

const teamBar = (page: Page) => page.getByRole('region', { name: 'Team of Personal' });
const barState = (page: Page, text: string | RegExp) => teamBar(page).locator('.team-bar__state').getByText(text);

async function syncNow(page: Page): Promise<void> {
  await teamBar(page).getByRole('button', { name: 'Sync', exact: true }).click();
  await teamBar(page).getByRole('button', { name: 'Sync', exact: true }).waitFor();
}

async function openMembers(page: Page): Promise<Locator> {
  await teamBar(page).getByRole('button', { name: 'Members' }).click();
  const dialog = page.getByRole('dialog', { name: 'Members of Personal' });
  await dialog.getByRole('list', { name: 'Members' }).waitFor();
  return dialog;
}

describe('team vaults in the app', () => {
  const e2e = useE2E();

  it(
    'shares, adds a member, merges a concurrent change, goes offline and back, removes the member',
    { timeout: 240_000 },
    async () => {
      const repoRoot = await e2e.makeDataDir();
      await promisify(execFile)('git', ['init', '-q', '--bare', '--initial-branch=main', 'team.git'], {
        cwd: repoRoot,
      });
      const remote = join(repoRoot, 'team.git');
      const alice = await e2e.startHarness();
      const vaultId = await seedPersonal(alice);
      const bob = await e2e.startHarness();
      const bobIdentity = await call<{ line: string; fingerprint: string }>(bob, 'teams:createIdentity', {
        name: 'Bob',
      });

      const { page } = await e2e.open(alice);
      await goToVaults(page);
      const panel = await openVault(page, 'Personal');

      // Share with a team: the name is asked once (no identity yet), the repository is a bare one.
      await panel.getByRole('button', { name: 'Share with a team' }).click();
      const share = page.getByRole('dialog', { name: 'Share Personal with a team' });
      await share.getByLabel('Repository (path or URL)').fill(remote);
      await share.getByLabel('Your name (teammates see it)').fill('Alice');
      await screenshotBothSizes(page, '360-team-share');
      await share.getByRole('button', { name: 'Share', exact: true }).click();
      await share.waitFor({ state: 'detached' });
      await barState(page, 'Synced just now').waitFor();
      await screenshotBothSizes(page, '361-team-bar-synced');

      // Members: Bob's line added (he sent it); then he joins from his own data folder.
      const members = await openMembers(page);
      await members.getByLabel('Their member line').fill(bobIdentity.line);
      await members.getByRole('button', { name: 'Add member' }).click();
      await members.getByText('Bob was added.').waitFor();
      await members.getByText(bobIdentity.fingerprint).waitFor();
      await screenshotBothSizes(page, '362-team-members');
      await closeDialog(members);
      const bobVault = (await call<{ vaultId: string }>(bob, 'teams:join', { url: remote, vaultName: 'Payments team' }))
        .vaultId;

      // Both change Stripe before the app has Bob's change: Bob first (and sends it), then the app.
      await call(bob, 'entries:update', {
        entryId: await entryIdOf(bob, bobVault, 'Stripe'),
        secret: 'sk_live_FromBob0003',
      });
      expect((await call<{ state: string }>(bob, 'teams:sync', { vaultId: bobVault })).state).toBe('synced');
      const stripe = await entryIdOf(alice, vaultId, 'Stripe');
      await call(alice, 'entries:update', { entryId: stripe, secret: 'sk_live_FromAlice0004' });
      // A background sync may take it first (it runs within seconds of a change): either way, merged.
      await syncNow(page);
      await expect
        .poll(async () => (await call<{ secret: string }>(alice, 'entries:reveal', { entryId: stripe })).secret)
        .toBe('sk_live_FromAlice0004');
      const { entry } = await showEntry(panel, 'Stripe');
      const history = entry.getByRole('region', { name: 'History' });
      await history
        .getByText(/set by Bob/)
        .first()
        .waitFor();
      await entry.getByText('Version 3', { exact: false }).first().waitFor();
      await screenshotBothSizes(page, '363-team-merged-history');
      await page.keyboard.press('Escape');
      await entry.waitFor({ state: 'detached' });

      // Offline: the repository moved away; the change waits, and goes once it is back.
      await rename(remote, `${remote}.away`);
      await call(alice, 'entries:update', {
        entryId: await entryIdOf(alice, vaultId, 'nexos.ai'),
        secret: 'nx_Offline0005',
      });
      await syncNow(page);
      await barState(page, 'Offline — 1 change waiting').waitFor();
      await screenshotBothSizes(page, '364-team-offline');
      await rename(`${remote}.away`, remote);
      await syncNow(page);
      await barState(page, 'Synced just now').waitFor();

      // Remove Bob: what he could read is listed; the key Keyhaven issued is rotated from here.
      const again = await openMembers(page);
      await again.getByRole('button', { name: 'Remove Bob' }).click();
      const confirm = page.getByRole('dialog', { name: 'Remove Bob from Personal?' });
      await confirm.getByRole('button', { name: 'Remove', exact: true }).click();
      const removed = page.getByRole('dialog', { name: 'Bob was removed' });
      const exposed = removed.getByRole('list', { name: 'Seen by a removed member — rotate' });
      await exposed.getByText('Production').waitFor();
      expect(await exposed.getByRole('listitem').count()).toBe(3);
      await removed.getByRole('button', { name: 'Rotate issued keys' }).click();
      await removed.getByText(/^Rotated Production: the new keys are in the vault/).waitFor();
      await screenshotBothSizes(page, '365-team-removed-rotate');
      await removed.getByRole('button', { name: 'Done' }).click();
      await removed.waitFor({ state: 'detached' });
      await entryRow(panel, 'Stripe').getByText('Seen by a removed member — rotate').waitFor();
      expect(await entryRow(panel, 'Production').getByText('Seen by a removed member — rotate').count()).toBe(0);
      await screenshotBothSizes(page, '366-team-rotate-badges');
      expect((await call<{ state: string }>(bob, 'teams:sync', { vaultId: bobVault })).state).toBe('removed');
    },
  );
});
