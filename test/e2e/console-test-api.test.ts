import { describe, expect, it } from 'vitest';
import { maskKey } from '../../shared/console/key-placement';
import { screenshot } from './support/browser';
import { secretTrail } from './support/console-secrets';
import {
  chooseScheme,
  goToApps,
  goToConsole,
  jsonOf,
  openRequestTab,
  placementLine,
  screenshotOf,
  sendForResponse,
  testApiBaseUrl,
  urlField,
  useTypedKey,
  type ConsoleScheme,
} from './support/console-steps';
import { useE2E } from './support/e2e';
import { cellInstant, generateKeyThroughWizard, keyRowByChip, revokeKey } from './support/issuing-steps';
import { createApp, expectKeychainAvailable, openAppCard } from './support/slice-steps';

/**
 * The request console and the local test API (issue 5, "Quality bars", first bullet) in the built
 * renderer, in Chromium, through the browser harness, against the real core, files and keychain: keys
 * issued by the wizard called against the local test API in each scheme, revoked and under-scoped.
 */
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

    // History in the sidebar: every request, newest first under Today, with its outcome; no key kept.
    const list = page.getByRole('list', { name: 'Requests sent' });
    const opens = list.getByRole('button', { name: /^GET / });
    await opens.nth(5).waitFor();
    expect(await opens.count()).toBe(6);
    const titles = await Promise.all((await opens.all()).map((b) => b.getAttribute('title')));
    expect(titles).toEqual([
      `GET ${baseUrl}/v1/whoami`,
      `GET ${baseUrl}/v1/scopes/read:items`,
      `GET ${baseUrl}/v1/scopes/read:items`,
      `GET ${baseUrl}/v1/whoami`,
      `GET ${baseUrl}/v1/whoami`,
      `GET ${baseUrl}/v1/whoami`,
    ]);
    await list.getByText('Today', { exact: true }).waitFor();
    const outcomes = await list.locator('.console-history__outcome').allTextContents();
    expect(outcomes.map((text) => text.slice(0, 3))).toEqual(['401', '403', '200', '200', '200', '200']);
    await screenshotOf(
      page,
      '119-console-history',
      page.getByRole('complementary', { name: 'Collections and history' }),
    );
    for (const secret of [key.plaintext, limited.plaintext]) expect(await secretTrail(harness, secret)).toEqual([]);
  });
});
