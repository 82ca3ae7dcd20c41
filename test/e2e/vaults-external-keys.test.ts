// Vaults in Chromium (issue 4): external keys pasted with each service preset, Show, Copy as header, search and sort.
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { expectKeychainAvailable } from './support/slice-steps';
import { addKey, copyFromRow, entryRow, goToVaults, openVault, revealEntry } from './support/vault-steps';

describe('vaults: external keys, locking and the keychain', () => {
  const e2e = useE2E();

  it('adds a pasted key with each service preset, splits a pasted header, and copies each as its header', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await goToVaults(page);
    const personal = await openVault(page, 'Personal');

    // One key per preset; nexos.ai and Cerby are pasted with their header, which is split off.
    const keys = {
      pyas: 'pyas_live_9fK2mQ7xR4tB8vN1',
      atfinity: 'atf.Xq82Lm3Nc7Vb0Pz5',
      nexos: 'nx-sk-41c0ffee98b7a6d5',
      cerby: 'cerby_Wb7Tq2Ls9Kd4Mh6',
      extracta: 'ex_live_0a1b2c3d4e5f6a7b',
      custom: 'gw-token-55aa77cc99ee',
    };
    const added: { name: string; key: string; service: string; scheme: string; header: string }[] = [
      { name: 'Pyas prod', key: keys.pyas, service: 'Pyas', scheme: 'X-API-Key', header: `x-api-key: ${keys.pyas}` },
      {
        name: 'atfinity prod',
        key: keys.atfinity,
        service: 'atfinity',
        scheme: 'Api-Key',
        header: `Authorization: Api-Key ${keys.atfinity}`,
      },
      {
        name: 'nexos.ai team',
        key: keys.nexos,
        service: 'nexos.ai',
        scheme: 'Bearer',
        header: `Authorization: Bearer ${keys.nexos}`,
      },
      {
        name: 'Cerby admin',
        key: keys.cerby,
        service: 'Cerby',
        scheme: 'X-API-Key',
        header: `x-api-key: ${keys.cerby}`,
      },
      {
        name: 'Extracta docs',
        key: keys.extracta,
        service: 'Extracta',
        scheme: 'Bearer',
        header: `Authorization: Bearer ${keys.extracta}`,
      },
      {
        name: 'Gateway',
        key: keys.custom,
        service: 'Internal gateway',
        scheme: 'Custom header: X-Gateway-Token',
        header: `X-Gateway-Token: ${keys.custom}`,
      },
    ];
    await addKey(page, 'Personal', { name: 'Pyas prod', preset: 'Pyas', pasted: keys.pyas, shot: '97-add-key-preset' });
    await addKey(page, 'Personal', { name: 'atfinity prod', preset: 'atfinity', pasted: keys.atfinity });
    await addKey(page, 'Personal', {
      name: 'nexos.ai team',
      preset: 'nexos.ai',
      pasted: `Authorization: Bearer ${keys.nexos}`,
      recognised: 'Authorization: Bearer',
      shot: '98-add-key-header-recognised',
    });
    await addKey(page, 'Personal', {
      name: 'Cerby admin',
      preset: 'Cerby',
      pasted: `x-api-key: ${keys.cerby}`,
      recognised: 'x-api-key',
    });
    await addKey(page, 'Personal', { name: 'Extracta docs', preset: 'Extracta', pasted: keys.extracta, tags: 'docs' });
    await addKey(page, 'Personal', {
      name: 'Gateway',
      preset: 'Custom',
      service: 'Internal gateway',
      headerName: 'X-Gateway-Token',
      pasted: keys.custom,
    });
    await personal.getByRole('status').filter({ hasText: '6 of 6 entries' }).waitFor();
    await screenshot(page, '99-entries-every-preset');

    // Each row: its service and scheme; Show gives the bare key (the header was split off); Copy as
    // header puts exactly the line the scheme calls for on the clipboard, Copy the bare key.
    for (const entry of added) {
      const row = entryRow(personal, entry.name);
      await row.getByRole('cell', { name: entry.service, exact: true }).waitFor();
      await row.getByRole('cell', { name: entry.scheme, exact: true }).waitFor();
      expect(await revealEntry(personal, entry.name), entry.name).toBe(entry.key);
      await copyFromRow(harness, personal, entry.name, 'Copy as header', entry.header);
    }
    await copyFromRow(harness, personal, 'nexos.ai team', 'Copy', keys.nexos);
    await screenshot(page, '100-copied-as-header');
    // The page itself never wrote a key to the browser's clipboard.
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe('');

    // Search narrows the table; sorting by Service puts atfinity first and Pyas last.
    const search = personal.getByRole('searchbox', { name: 'Search entries' });
    await search.fill('docs');
    await personal.getByRole('status').filter({ hasText: '1 of 6 entries' }).waitFor();
    await entryRow(personal, 'Extracta docs').waitFor();
    await search.fill('');
    await personal.getByRole('status').filter({ hasText: '6 of 6 entries' }).waitFor();
    await personal.getByRole('button', { name: 'Service' }).click();
    const services = personal.getByRole('row').locator('td:nth-child(3)');
    await expect
      .poll(() => services.allTextContents())
      .toEqual(['atfinity', 'Cerby', 'Extracta', 'Internal gateway', 'nexos.ai', 'Pyas']);
  });
});
