import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HIDDEN_KEY, maskKey } from '../../shared/console/key-placement';
import { screenshot } from './support/browser';
import { textHits } from './support/canary';
import {
  addConsoleEntry,
  allHeaderText,
  domSightings,
  goToApps,
  goToConsole,
  goToSettings,
  jsonOf,
  openConsoleTool,
  openRequestTab,
  placementLine,
  plantInDom,
  redirectTo,
  responseRegion,
  screenshotOf,
  send,
  sendForResponse,
  startRecordingServer,
  TEST_API_OFF,
  TEST_API_RUNNING,
  testApiBaseUrl,
  testApiState,
  testThisKey,
  urlField,
  useTypedKey,
  chooseScheme,
  watchDomFor,
  type ConsoleScheme,
} from './support/console-steps';
import { useE2E } from './support/e2e';
import type { HarnessProcess } from './support/harness-process';
import { cellInstant, generateKeyThroughWizard, keyRowByChip, revokeKey } from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';
import { goToVaults, openVault } from './support/vault-steps';

/**
 * The request console and the local test API (issue 5, "Quality bars", first bullet) in the built
 * renderer, in Chromium, through the browser harness, against the real core, files and keychain: keys
 * issued by the wizard called against the local test API in each scheme, revoked and under-scoped; a
 * vault entry's key sent to a local echo server (the exact header that arrived) and never into the
 * page; a redirect to another origin that does not carry the key; Settings → Local test API.
 */

/** A Pyas-looking external key that no test ever types into the console itself. */
const vaultSecret = (label: string) => `pyas_${label}${randomBytes(16).toString('hex')}`;

/** Every place the page, the harness's output or the console's files could have kept a secret. */
async function secretTrail(harness: HarnessProcess, secret: string): Promise<string[]> {
  const history = await harness.rpc('console:history');
  const saved = await harness.rpc('console:listSaved');
  return [
    ...textHits('console history', JSON.stringify(history), [secret]),
    ...textHits('saved requests', JSON.stringify(saved), [secret]),
    ...textHits('harness stdout', harness.stdout(), [secret]),
    ...textHits('harness stderr', harness.stderr(), [secret]),
  ].map((hit) => hit.where);
}

describe('console: the local test API', () => {
  const e2e = useE2E();

  it('answers /v1/whoami 200 in each scheme, 403 for a key without read:items, and 401 REVOKED after Revoke', async () => {
    const harness = await e2e.startHarness({ args: ['--test-api-port', '0'] });
    await expectKeychainAvailable(harness);
    const baseUrl = await testApiBaseUrl(harness);
    const { page } = await e2e.open(harness);

    await createApp(page, 'Pyas');
    await openAppCard(page, 'Pyas');
    const key = await generateKeyThroughWizard(page, { name: 'Console', scopes: ['Read items', 'Read users'] });
    const limited = await generateKeyThroughWizard(page, { name: 'No items', scopes: ['Read users'] });
    const before = Date.now();

    // The console, with the local test API as a one-click target.
    await goToConsole(page);
    const target = page.getByRole('button', { name: 'Use the local test API' });
    await target.waitFor();
    await screenshot(page, '114-console-empty');
    await target.click();
    expect(await urlField(page).inputValue()).toBe(`${baseUrl}/v1/whoami`);
    expect(await page.getByLabel('Method', { exact: true }).inputValue()).toBe('GET');

    // The key pasted once, sent in each of the three schemes: where it goes is shown masked.
    await useTypedKey(page, key.plaintext, 'X-API-Key');
    const masked = maskKey(key.plaintext);
    const placements: Record<string, string> = {
      'X-API-Key': `Header: x-api-key: ${masked}`,
      'Api-Key': `Header: Authorization: Api-Key ${masked}`,
      Bearer: `Header: Authorization: Bearer ${masked}`,
    };
    for (const scheme of ['X-API-Key', 'Api-Key', 'Bearer'] as const satisfies readonly ConsoleScheme[]) {
      await chooseScheme(page, scheme);
      const line = (await placementLine(page).textContent()) ?? '';
      expect(line).toBe(`The key goes in ${placements[scheme]}`);
      expect(line).not.toContain(key.plaintext);
      if (scheme === 'X-API-Key') await screenshot(page, '115-console-auth-placement');

      const answer = await sendForResponse(page);
      expect(answer.status, scheme).toBe('200 OK');
      // JSON pretty-printed with two spaces, as text.
      expect(answer.body.startsWith('{\n  "app": "Pyas",\n')).toBe(true);
      const who = jsonOf(answer);
      expect(who).toMatchObject({ app: 'Pyas', name: 'Console', scopes: ['read:items', 'read:users'] });
      expect(String(who.keyId)).toContain(key.keyId);
      await answer.region.getByText('"app": "Pyas"').waitFor();
      if (scheme === 'Bearer') await screenshotOf(page, '116-console-response-whoami', answer.region);
    }

    // The scope-protected resource: 200 with read:items, 403 INSUFFICIENT_SCOPE without it.
    await urlField(page).fill(`${baseUrl}/v1/scopes/read:items`);
    const granted = await sendForResponse(page);
    expect(granted.status).toBe('200 OK');
    expect(jsonOf(granted)).toMatchObject({ scope: 'read:items', granted: true, app: 'Pyas' });

    await page.getByLabel('Key', { exact: true }).fill(limited.plaintext);
    await placementLine(page)
      .filter({ hasText: maskKey(limited.plaintext) })
      .waitFor();
    const refused = await sendForResponse(page);
    expect(refused.status).toMatch(/^403 /);
    expect(jsonOf(refused)).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });
    await refused.region.getByText('"code": "INSUFFICIENT_SCOPE"').waitFor();
    await screenshotOf(page, '117-console-insufficient-scope', refused.region);

    // Each call was a use of the key (Last used); then Revoke in the keys table.
    await goToApps(page);
    await openAppCard(page, 'Pyas');
    const row = keyRowByChip(page, key.chip);
    await row.waitFor();
    expect(await cellInstant(row, 'lastUsed')).toBeGreaterThanOrEqual(before - 1_000);
    await revokeKey(page, key);

    // Back in the console: the typed key was forgotten when it was left; paste it again.
    await goToConsole(page);
    expect(await urlField(page).inputValue()).toBe(`${baseUrl}/v1/scopes/read:items`);
    await urlField(page).fill(`${baseUrl}/v1/whoami`);
    await openRequestTab(page, 'Auth');
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe('');
    await useTypedKey(page, key.plaintext, 'Bearer');
    const revoked = await sendForResponse(page);
    expect(revoked.status).toMatch(/^401 /);
    expect(jsonOf(revoked)).toMatchObject({ code: 'REVOKED' });
    await revoked.region.getByText('"code": "REVOKED"').waitFor();
    await screenshotOf(page, '118-console-revoked', revoked.region);

    // History: every request, newest first, with its outcome; no key kept.
    await openConsoleTool(page, 'History');
    const list = page.getByRole('list', { name: 'Requests sent' });
    const opens = list.getByRole('button', { name: /^Open / });
    await opens.nth(5).waitFor();
    expect(await opens.count()).toBe(6);
    const labels = await Promise.all((await opens.all()).map((b) => b.textContent()));
    expect(labels).toEqual([
      `Open GET ${baseUrl}/v1/whoami`,
      `Open GET ${baseUrl}/v1/scopes/read:items`,
      `Open GET ${baseUrl}/v1/scopes/read:items`,
      `Open GET ${baseUrl}/v1/whoami`,
      `Open GET ${baseUrl}/v1/whoami`,
      `Open GET ${baseUrl}/v1/whoami`,
    ]);
    // Each entry's second line (its button's description): the outcome, then when.
    const outcomes = await list.locator('.console-list__meta').allTextContents();
    expect(outcomes.map((text) => text?.slice(0, 3))).toEqual(['401', '403', '200', '200', '200', '200']);
    await screenshotOf(page, '119-console-history', list);
    for (const secret of [key.plaintext, limited.plaintext]) expect(await secretTrail(harness, secret)).toEqual([]);
  });
});

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
    await openConsoleTool(page, 'Snippets');
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
    await openConsoleTool(page, 'Saved requests');
    await page
      .getByRole('group', { name: 'Pyas', exact: true })
      .getByRole('button', { name: 'Open Echo whoami', exact: true })
      .waitFor();
    await screenshotOf(page, '122-console-saved-requests', page.getByRole('region', { name: 'Saved requests' }));

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

describe('console: Settings → Local test API', () => {
  const e2e = useE2E();

  it('is off without the flag; Start shows the base URL and serves it; Stop turns it off', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);

    // Off by default: the console says where to start it.
    await goToConsole(page);
    await page.getByText('Local test API: start it in Settings → Local test API.').waitFor();
    expect(await page.getByRole('button', { name: 'Use the local test API' }).count()).toBe(0);

    let section = await goToSettings(page);
    expect(await testApiState(section).textContent()).toBe(TEST_API_OFF);
    expect(await section.getByLabel('Base URL').count()).toBe(0);
    await screenshot(page, '126-settings-test-api-off');

    // Start (any free port): running, with the base URL, which answers.
    await section.getByRole('button', { name: 'Start', exact: true }).click();
    const running = testApiState(section).filter({ hasText: TEST_API_RUNNING });
    await running.waitFor();
    const port = TEST_API_RUNNING.exec((await running.textContent()) ?? '')?.[1];
    const baseUrl = await section.getByLabel('Base URL').inputValue();
    expect(baseUrl).toBe(`http://127.0.0.1:${port}`);
    const direct = await fetch(`${baseUrl}/v1/whoami`);
    expect(direct.status).toBe(401);
    expect(await direct.json()).toMatchObject({ code: 'MISSING_KEY' });
    await screenshot(page, '127-settings-test-api-running');

    // The console's one-click target follows it.
    await section.getByRole('button', { name: 'Open the console with the local test API' }).click();
    await page.getByRole('heading', { name: 'Console', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Use the local test API' }).click();
    expect(await urlField(page).inputValue()).toBe(`${baseUrl}/v1/whoami`);
    const missing = await sendForResponse(page);
    expect(missing.status).toMatch(/^401 /);
    expect(jsonOf(missing)).toMatchObject({ code: 'MISSING_KEY' });

    // Stop: off again, no base URL, nothing listening there.
    section = await goToSettings(page);
    await section.getByRole('button', { name: 'Stop', exact: true }).click();
    await testApiState(section).filter({ hasText: TEST_API_OFF }).waitFor();
    expect(await section.getByLabel('Base URL').count()).toBe(0);
    await expect(fetch(`${baseUrl}/v1/whoami`)).rejects.toThrow();
    await screenshot(page, '128-settings-test-api-stopped');
  });
});
