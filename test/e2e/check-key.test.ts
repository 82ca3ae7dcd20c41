import { describe, expect, it } from 'vitest';
import { formatKey, newKeyId } from '../../electron/core/keys/key-format';
import { screenshot } from './support/browser';
import { useE2E } from './support/e2e';
import { checkKey, closeCheckKey, generateKeyThroughWizard, openCheckKey } from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';

/** The key with one character of its secret changed: the checksum no longer matches. */
function withTypo(plaintext: string): string {
  const at = plaintext.indexOf('.') + 10;
  const typo = plaintext[at] === 'x' ? 'y' : 'x';
  return plaintext.slice(0, at) + typo + plaintext.slice(at + 1);
}

/**
 * "Check a key" in the built renderer against the real core: the header value as each scheme sends it
 * (DESIGN.md §5, header schemes), and the reasons a key is refused.
 */
describe('check a key', () => {
  const e2e = useE2E();

  it('answers Valid in the three schemes, Malformed for a typo or the wrong shape, Insufficient scope without the scope', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    await createApp(page, 'Pyas');
    await openAppCard(page, 'Pyas');
    const { plaintext } = await generateKeyThroughWizard(page, { name: 'Production', scopes: ['Read items'] });

    const dialog = await openCheckKey(page);
    expect(await dialog.getByLabel('Header scheme').locator('option').allTextContents()).toEqual([
      'X-API-Key',
      'Api-Key',
      'Bearer',
    ]);
    await dialog.getByText('A key alone is sent as x-api-key: <key>').waitFor();
    expect(
      await dialog.getByLabel('Key or header line').getAttribute('type'),
      'the value is masked like a password',
    ).toBe('password');
    await screenshot(page, '64-check-key-empty');

    // The three schemes, each as a client sends it.
    expect(await checkKey(dialog, { scheme: 'X-API-Key', headerValue: plaintext })).toBe('Valid ✓');
    await dialog.getByText('A server would accept this key.').waitFor();
    await dialog.getByRole('status').getByText('Production').waitFor();
    await screenshot(page, '65-check-key-valid-x-api-key');
    expect(await checkKey(dialog, { scheme: 'Api-Key', headerValue: plaintext })).toBe('Valid ✓');
    await dialog.getByText('A key alone is sent as Authorization: Api-Key <key>').waitFor();
    expect(await checkKey(dialog, { scheme: 'Bearer', headerValue: `Bearer ${plaintext}` })).toBe('Valid ✓');
    await dialog.getByText('From the line you pasted: Authorization: Bearer <key>').waitFor();
    await screenshot(page, '66-check-key-valid-bearer');

    // A typo: the checksum catches it before any lookup.
    expect(await checkKey(dialog, { scheme: 'X-API-Key', headerValue: withTypo(plaintext) })).toBe('Malformed');
    await dialog.getByText('This is not a Keyhaven key in this header scheme', { exact: false }).waitFor();
    await screenshot(page, '67-check-key-typo-malformed');

    // The wrong shape for its header: the key is not where that header carries it.
    const wrong = [`x-api-key: Bearer ${plaintext}`, `Authorization: Api-Key Bearer ${plaintext}`];
    for (const headerValue of wrong)
      expect(await checkKey(dialog, { scheme: 'X-API-Key', headerValue })).toBe('Malformed');
    await screenshot(page, '68-check-key-wrong-scheme');

    // Well formed, right checksum, never issued.
    const stranger = formatKey('pyas', newKeyId());
    expect(await checkKey(dialog, { scheme: 'X-API-Key', headerValue: stranger })).toBe('Not found');

    // A scope the key lacks, and one it has.
    expect(
      await checkKey(dialog, {
        scheme: 'Bearer',
        headerValue: `Bearer ${plaintext}`,
        requiredScope: 'Write integrations (write:integrations)',
      }),
    ).toBe('Insufficient scope');
    await dialog.getByText('The key works, but it does not have the required scope.').waitFor();
    await screenshot(page, '69-check-key-insufficient-scope');
    expect(
      await checkKey(dialog, {
        scheme: 'Bearer',
        headerValue: `Bearer ${plaintext}`,
        requiredScope: 'Read items (read:items)',
      }),
    ).toBe('Valid ✓');

    // Closing forgets the value: the dialog opens empty again, and the key is nowhere on the page.
    await closeCheckKey(dialog);
    expect(await page.content()).not.toContain(plaintext);
    const again = await openCheckKey(page);
    expect(await again.getByLabel('Key or header line').inputValue()).toBe('');
    await closeCheckKey(again);
  });
});
