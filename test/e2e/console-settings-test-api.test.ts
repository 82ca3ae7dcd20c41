// Settings → Local test API in the built renderer (issue 5): off by default, Start, the console's target, Stop.
import { describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import {
  goToConsole,
  goToSettings,
  jsonOf,
  sendForResponse,
  TEST_API_OFF,
  TEST_API_RUNNING,
  testApiState,
  urlField,
} from './support/console-steps';
import { useE2E } from './support/e2e';

describe('console: Settings → Local test API', () => {
  const e2e = useE2E();

  it('is off without the flag; Start shows the base URL and serves it; Stop turns it off', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);

    // Off by default: the console says where to start it.
    await goToConsole(page);
    await page.getByRole('button', { name: 'Test API is off', exact: true }).waitFor();
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

  it('keeps its port after a restart, so saved requests to it keep working (issue 13)', async () => {
    const dataDir = await e2e.makeDataDir();
    const first = await e2e.startHarness({ dataDir });
    let { page } = await e2e.open(first);
    let section = await goToSettings(page);
    await section.getByRole('button', { name: 'Start', exact: true }).click();
    const running = testApiState(section).filter({ hasText: TEST_API_RUNNING });
    await running.waitFor();
    const port = TEST_API_RUNNING.exec((await running.textContent()) ?? '')?.[1];
    await first.stop();

    // The app again, on the same data folder: the local test API is back, on the same port.
    const second = await e2e.startHarness({ dataDir });
    ({ page } = await e2e.open(second));
    section = await goToSettings(page);
    await testApiState(section)
      .filter({ hasText: `The local test API is running on port ${port}.` })
      .waitFor();
    expect((await fetch(`http://127.0.0.1:${port}/v1/whoami`)).status).toBe(401);

    // Stopped, the Port field offers the kept port for the next Start.
    await section.getByRole('button', { name: 'Stop', exact: true }).click();
    await testApiState(section).filter({ hasText: TEST_API_OFF }).waitFor();
    expect(await section.getByLabel('Port').getAttribute('placeholder')).toBe(`${port}, as last time`);
    await screenshot(page, '129-settings-test-api-kept-port');
  });
});
