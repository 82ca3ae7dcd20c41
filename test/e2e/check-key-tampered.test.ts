import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDocument, encodeDocument } from '../../electron/core/storage/document-text';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { checkKey, generateKeyThroughWizard, openCheckKey } from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';

/**
 * A key whose record was edited outside Keyhaven while it was closed (a scope added, the expiry moved,
 * the file's checksum recomputed): "Check a key" refuses it and says why (issue 10, record seals).
 */
describe('check a key: a record changed outside Keyhaven', () => {
  const e2e = useE2E();

  it('answers "Changed outside Keyhaven" for a key whose scopes and expiry were edited in keyhaven.json', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const first = await e2e.open(harness);
    await createApp(first.page, 'Pyas');
    await openAppCard(first.page, 'Pyas');
    const { plaintext } = await generateKeyThroughWizard(first.page, { name: 'Production', scopes: ['Read items'] });
    await first.context.close(); // before the harness stops: the page would go on calling it
    expect(await harness.stop(), 'the harness closes cleanly on SIGTERM').toBe(0);

    const file = join(harness.dataDir, 'keyhaven.json');
    const doc = decodeDocument(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
    Object.assign(doc.keys[0]!, {
      scopes: ['read:items', 'write:integrations'],
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    await writeFile(file, encodeDocument(doc));

    const restarted = await e2e.startHarness({ dataDir: harness.dataDir });
    const { page } = await e2e.open(restarted);
    await openAppCard(page, 'Pyas');
    const dialog = await openCheckKey(page);
    expect(await checkKey(dialog, { scheme: 'X-API-Key', headerValue: plaintext })).toBe('Changed outside Keyhaven');
    await dialog.getByText('its record in the data folder was edited outside Keyhaven', { exact: false }).waitFor();
    await dialog.getByRole('status').getByText('Production').waitFor();
    await screenshot(page, '151-check-key-tampered');
  });
});
