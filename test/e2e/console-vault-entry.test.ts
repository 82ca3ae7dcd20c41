import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HIDDEN_KEY, maskKey } from '../../shared/console/key-placement';
import { screenshot } from './support/browser';
import { textHits } from './support/canary';
import { domSightings, plantInDom, secretTrail, watchDomFor } from './support/console-secrets';
import { allHeaderText, redirectTo, startRecordingServer } from './support/console-servers';
import {
  addConsoleEntry,
  jsonOf,
  openSnippets,
  openRequestTab,
  placementLine,
  responseRegion,
  screenshotOf,
  send,
  sendForResponse,
  testThisKey,
  urlField,
} from './support/console-steps';
import { useE2E } from './support/e2e';
import { expectKeychainAvailable } from './support/slice-steps';
import { goToVaults, openVault } from './support/vault-steps';

/**
 * The request console with a vault entry's key (issue 5), in Chromium against the real core, files and
 * keychain: the key sent to a local echo server (the exact header that arrived) and never into the
 * page; its allowed hosts; a curl import; a redirect to another origin that does not carry the key.
 */

/** A Pyas-looking external key that no test ever types into the console itself. */
const vaultSecret = (label: string) => `pyas_${label}${randomBytes(16).toString('hex')}`;

describe('console: a vault entry’s key', () => {
  const e2e = useE2E();

  it('Test this key sends the exact header to a local echo server; the page never holds the key', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const app = await e2e.open(harness);
    const { page } = app;
    const echo = await startRecordingServer();
    const secret = vaultSecret('echo');

    await goToVaults(page);
    await openVault(page, 'Personal');
    await addConsoleEntry(page, 'Personal', { name: 'Pyas echo', key: secret, preset: 'Pyas', baseUrl: echo.base });
    // The key was typed into Add key; from here on it must never reach the page again. A planted
    // probe shows that the watcher would see it if it did.
    const probe = vaultSecret('probe');
    await watchDomFor(page, [secret, probe]);
    await plantInDom(page, probe);

    // Test this key: the console with the entry, its scheme (Pyas: X-API-Key) and its base URL.
    await testThisKey(page, 'Personal', 'Pyas echo');
    expect(await urlField(page).inputValue()).toBe(echo.base);
    expect(await page.getByLabel('Header scheme', { exact: true }).inputValue()).toBe('x-api-key');
    expect(await placementLine(page).textContent()).toBe(
      `The key goes in Header: x-api-key: ${HIDDEN_KEY} (from the vault)`,
    );
    await urlField(page).fill(`${echo.base}/v1/whoami`);
    await screenshot(page, '120-console-test-this-key');

    const answer = await sendForResponse(page);
    expect(answer.status).toBe('200 OK');
    // What arrived, as the echo server recorded it (not as the page shows it).
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]).toMatchObject({ method: 'GET', url: '/v1/whoami' });
    expect(echo.received[0]?.headers['x-api-key']).toBe(secret);
    expect(echo.received[0]?.headers.authorization).toBeUndefined();
    expect(Object.values(echo.received[0]?.headers ?? {}).filter((value) => String(value).includes(secret))).toEqual([
      secret,
    ]);
    // The echo sent the key back; main masked it before the page got the answer.
    await page
      .getByRole('note')
      .filter({ hasText: "The response contained the vault entry's key; it is masked here." })
      .waitFor();
    const shown = jsonOf(answer) as { headers: Record<string, string> };
    expect(shown.headers['x-api-key']).toBeDefined();
    expect(shown.headers['x-api-key']).not.toBe(secret);

    // Snippets: the key as an environment variable reference, never the key.
    await openSnippets(page);
    await page.getByText('Set PYAS_API_KEY to the key before running it.').waitFor();
    const snippet = await page.getByLabel('Snippet', { exact: true }).inputValue();
    expect(snippet).toContain('curl');
    expect(snippet).toContain('$PYAS_API_KEY');
    expect(snippet).toContain(`${echo.base}/v1/whoami`);
    expect(snippet).not.toContain(secret);
    await screenshotOf(page, '121-console-snippets', page.getByRole('region', { name: 'Snippets' }));

    // Saved requests: under the entry's service, with a reference to the entry only.
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const save = page.getByRole('dialog', { name: 'Save request' });
    await save.getByLabel('Name', { exact: true }).fill('Echo whoami');
    await save.getByRole('button', { name: 'Save', exact: true }).click();
    await save.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'Saved as Echo whoami in Pyas.' }).waitFor();
    await page
      .getByRole('list', { name: 'Pyas', exact: true })
      .getByRole('button', { name: 'GET Echo whoami', exact: true })
      .waitFor();
    await screenshotOf(page, '122-console-saved-requests', page.getByRole('region', { name: 'Collections' }));

    // Nothing in the page, its console, the harness's output or the console's files held the key.
    expect(await domSightings(page, probe)).toEqual(['added DIV']);
    expect(await domSightings(page, secret)).toEqual([]);
    expect(textHits('page console', app.consoleMessages.join('\n'), [secret])).toEqual([]);
    expect(await secretTrail(harness, secret)).toEqual([]);
  });

  it('refuses to send an entry’s key outside its allowed hosts, and imports a curl command', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    const echo = await startRecordingServer();

    await goToVaults(page);
    await openVault(page, 'Personal');
    await addConsoleEntry(page, 'Personal', {
      name: 'Pyas fenced',
      key: vaultSecret('fenced'),
      preset: 'Pyas',
      baseUrl: echo.base,
      allowedHosts: 'api.pyas.example',
    });
    await testThisKey(page, 'Personal', 'Pyas fenced');
    await urlField(page).fill(`${echo.base}/v1/whoami`);
    const outcome = await send(page);
    expect(outcome.kind).toBe('failed');
    if (outcome.kind === 'failed') {
      expect(outcome.message).toContain(
        `${new URL(echo.base).host} is not one of this entry's allowed hosts, so its key was not sent.`,
      );
    }
    expect(echo.received).toEqual([]);
    await screenshotOf(
      page,
      '123-console-allowed-hosts-refused',
      page.getByRole('alert').filter({ hasText: 'The request was not completed' }),
    );

    // Import curl: the command fills the editor; its key moves to Authentication, masked.
    const curlKey = vaultSecret('curl');
    await page.getByRole('button', { name: 'Import curl', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import curl' });
    await dialog
      .getByLabel('curl command')
      .fill(`curl -H 'x-api-key: ${curlKey}' -H 'Accept: application/json' '${echo.base}/v1/items?page=2'`);
    await screenshot(page, '124-console-curl-import');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Imported from curl').waitFor();
    expect(await urlField(page).inputValue()).toContain(`${echo.base}/v1/items`);
    await openRequestTab(page, 'Auth');
    expect(await page.getByRole('radio', { name: 'Type or paste a key' }).isChecked()).toBe(true);
    expect(await placementLine(page).textContent()).toBe(`The key goes in Header: x-api-key: ${maskKey(curlKey)}`);
    const imported = await sendForResponse(page);
    expect(imported.status).toBe('200 OK');
    expect(echo.received).toHaveLength(1);
    expect(echo.received[0]).toMatchObject({ url: '/v1/items?page=2' });
    expect(echo.received[0]?.headers['x-api-key']).toBe(curlKey);
    expect(echo.received[0]?.headers.accept).toBe('application/json');
  });

  it('follows a redirect to another origin without the key, and says the key was withheld', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const { page } = await e2e.open(harness);
    const landing = await startRecordingServer();
    const bouncer = await startRecordingServer(redirectTo(`${landing.base}/landing`));
    const secret = vaultSecret('bounce');

    await goToVaults(page);
    await openVault(page, 'Personal');
    await addConsoleEntry(page, 'Personal', {
      name: 'Pyas bounce',
      key: secret,
      preset: 'Pyas',
      baseUrl: bouncer.base,
    });
    await testThisKey(page, 'Personal', 'Pyas bounce');
    await urlField(page).fill(`${bouncer.base}/start`);
    const answer = await sendForResponse(page);

    // The first origin got the key; the second (another port, so another origin) did not.
    expect(bouncer.received).toHaveLength(1);
    expect(bouncer.received[0]?.headers['x-api-key']).toBe(secret);
    expect(landing.received).toHaveLength(1);
    expect(landing.received[0]).toMatchObject({ method: 'GET', url: '/landing' });
    expect(landing.received[0]?.headers['x-api-key']).toBeUndefined();
    expect(landing.received[0]?.headers.authorization).toBeUndefined();
    expect(allHeaderText(landing)).not.toContain(secret);

    expect(answer.status).toBe('200 OK');
    await responseRegion(page)
      .getByRole('note')
      .filter({ hasText: `A redirect went to ${landing.base}: the key was not sent there.` })
      .waitFor();
    const hops = responseRegion(page).getByRole('list', { name: 'Redirects' }).getByRole('listitem');
    expect(await hops.allTextContents()).toEqual([`302 ${landing.base}/landing`]);
    await screenshotOf(page, '125-console-redirect-key-withheld', responseRegion(page));
  });
});
