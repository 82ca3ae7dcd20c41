import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { KeytarKeychain } from '../../electron/core/keychain/keytar-keychain';
import type { Keyset } from '../../shared/verify/keyset';
import { generateInput } from '../support/generate-input';
import { ManualClock } from '../support/manual-clock';
import { screenshotBothSizes as shoot } from './support/browser';
import { useE2E } from './support/e2e';
import { openAppCard } from './support/slice-steps';

/**
 * Issue 12 in the real UI: Settings → Verification (the two values, Show, publishing to a folder) and
 * the keys table's "Unused" flag, in Chromium through the harness with the real keychain; each
 * screen at 1280×800 and 1024×640, each checked with axe-core by screenshot().
 */
describe('verification settings in the app', () => {
  const e2e = useE2E();

  it('shows the values, reveals the secret on request, publishes to a folder, and flags an unused key', async () => {
    const dataDir = await e2e.makeDataDir();
    // A key issued 100 days ago and never used since: seeded by the core with a clock set back.
    const past = await openCore({
      dataDir,
      keychain: new KeytarKeychain(),
      version: 'e2e-seed',
      clock: new ManualClock(new Date(Date.now() - 100 * 86_400_000)),
    });
    const app = await past.apps.create({ name: 'Pyas' });
    await past.keys.generate(generateInput(app.id, { name: 'Forgotten', expiration: { kind: 'never' } }));
    await past.close();

    const harness = await e2e.startHarness({ dataDir });
    const { page } = await e2e.open(harness);
    await openAppCard(page, 'Pyas');
    await page.getByRole('cell', { name: /Unused for 90\+ days/ }).waitFor();
    await shoot(page, '160-keys-unused');

    await page.getByRole('tab', { name: 'Settings' }).click();
    const region = page.getByRole('region', { name: 'Verification' });
    await region.getByText('KEYHAVEN_PUBLIC_KEY', { exact: true }).waitFor();
    await region.scrollIntoViewIfNeeded();
    await shoot(page, '161-verification');

    await region.getByRole('button', { name: 'Show' }).click();
    await region.getByRole('button', { name: 'Hide' }).waitFor();
    expect(await region.getByLabel('Secret', { exact: true }).textContent()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await region.getByRole('button', { name: 'Hide' }).click();

    const folder = join(dataDir, 'published');
    await mkdir(folder);
    await region.getByLabel('Publish to folder').fill(join(dataDir, 'missing'));
    await region.getByRole('button', { name: 'Publish' }).click();
    await region.getByText(/does not exist/).waitFor();
    await shoot(page, '162-verification-folder-missing');
    await region.getByLabel('Publish to folder').fill(folder);
    await region.getByRole('button', { name: 'Publish' }).click();
    await region.getByText(/· last written/).waitFor();
    await shoot(page, '163-verification-published');
    const keyset = JSON.parse(await readFile(join(folder, 'pyas.keyset.json'), 'utf8')) as Keyset;
    expect(keyset.keys).toHaveLength(1);
  });
});
