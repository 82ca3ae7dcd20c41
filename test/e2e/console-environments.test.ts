import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { screenshotBothSizes } from './support/browser';
import { folderHits, textHits } from './support/canary';
import { domSightings, secretTrail, watchDomFor } from './support/console-secrets';
import { startRecordingServer } from './support/console-servers';
import { addConsoleEntry, goToConsole, send, sendForResponse, urlField } from './support/console-steps';
import {
  chooseEnvironment,
  closeDialog,
  createEnvironment,
  setHeader,
  variableChips,
} from './support/console-library-steps';
import { useE2E } from './support/e2e';
import { expectKeychainAvailable } from './support/slice-steps';
import { goToVaults, openVault } from './support/vault-steps';

/**
 * Environments whose variables are vault keys (issue 13), in Chromium against the real core, files and
 * keychain: `{{baseUrl}}` and `Authorization: Bearer {{apiKey}}` filled in main from the chosen
 * environment, the exact header a local echo server received, switching environment switching the key,
 * an undefined variable shown before sending — and the key nowhere in the page, the files or the logs.
 */
const vaultSecret = (label: string) => `pyas_${label}${randomBytes(16).toString('hex')}`;

describe('console: environments whose variables are vault keys', () => {
  const e2e = useE2E();

  it('sends each environment’s key, switches with the environment, and keeps the keys out of everything', async () => {
    const harness = await e2e.startHarness();
    await expectKeychainAvailable(harness);
    const app = await e2e.open(harness);
    const { page } = app;
    const echo = await startRecordingServer();
    const staging = vaultSecret('staging');
    const production = vaultSecret('production');

    await goToVaults(page);
    await openVault(page, 'Personal');
    await addConsoleEntry(page, 'Personal', { name: 'Pyas staging', key: staging, preset: 'Pyas' });
    await addConsoleEntry(page, 'Personal', { name: 'Pyas production', key: production, preset: 'Pyas' });
    await watchDomFor(page, [staging, production]);

    await goToConsole(page);
    await createEnvironment(page, 'Staging', [
      { name: 'baseUrl', value: echo.base },
      { name: 'apiKey', vaultKey: 'Personal · Pyas staging' },
    ]);
    const dialog = await createEnvironment(page, 'Production', [
      { name: 'baseUrl', value: echo.base },
      { name: 'apiKey', vaultKey: 'Personal · Pyas production' },
    ]);
    // The page holds the reference, never the key.
    expect(await dialog.getByLabel('Variable 2 value', { exact: true }).inputValue()).toBe(
      'kh://Personal/Pyas%20production',
    );
    await screenshotBothSizes(page, '170-console-environments');
    await closeDialog(dialog);

    await chooseEnvironment(page, 'Staging');
    await urlField(page).fill('{{baseUrl}}/v1/items');
    await setHeader(page, 1, 'Authorization', 'Bearer {{apiKey}}');
    expect(await variableChips(page)).toEqual(['{{baseUrl}}', '{{apiKey}} (vault key)']);

    const first = await sendForResponse(page);
    expect(first.status).toBe('200 OK');
    expect(echo.received[0]).toMatchObject({ method: 'GET', url: '/v1/items' });
    expect(echo.received[0]?.headers.authorization).toBe(`Bearer ${staging}`);
    // The echo answered the key back: main masked it before the page got it.
    expect(first.body).not.toContain(staging);

    await chooseEnvironment(page, 'Production');
    await sendForResponse(page);
    expect(echo.received[1]?.headers.authorization).toBe(`Bearer ${production}`);
    await screenshotBothSizes(page, '171-console-environment-sent');

    // No environment: the variables are marked before sending, and main says which are missing.
    await chooseEnvironment(page, 'No environment');
    expect(await variableChips(page)).toEqual(['{{baseUrl}} (not defined)', '{{apiKey}} (not defined)']);
    await page.getByText('Choose an environment that defines them.').waitFor();
    // The answer on screen was for Production: it says so.
    await page.getByRole('status').filter({ hasText: 'Changed since it was sent' }).waitFor();
    await screenshotBothSizes(page, '172-console-unresolved-variables');
    const refused = await send(page);
    expect(refused).toMatchObject({
      kind: 'failed',
      message: 'Choose an environment that defines {{baseUrl}}, {{apiKey}}, or replace them in the request.',
    });
    expect(echo.received).toHaveLength(2);

    // The canary: neither key in the page, the console's files, the data folder, or any output.
    for (const secret of [staging, production]) {
      expect(await domSightings(page, secret)).toEqual([]);
      expect(await secretTrail(harness, secret)).toEqual([]);
      expect(textHits('page console', app.consoleMessages.join('\n'), [secret])).toEqual([]);
    }
    const history = await harness.rpc<{ id: string }[]>('console:history');
    if (!history.ok) throw new Error(history.error.message);
    for (const item of history.value) {
      const full = await harness.rpc('console:historyItem', { id: item.id });
      expect(JSON.stringify(full)).not.toContain(staging);
      expect(JSON.stringify(full)).not.toContain(production);
    }
    // Vaults hold them sealed: no file under the data folder holds either in any plain form.
    expect(await folderHits(harness.dataDir, [staging, production])).toEqual([]);
  });
});
