import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, screenshotBothSizes } from './support/browser';
import { useE2E } from './support/e2e';

const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(17, 19, 24)';

// Strings, not functions: this file compiles without the DOM types.
/** What the page shows now: the root's data-theme (none for System) and the body's background. */
const SHOWN = `({
  theme: document.documentElement.dataset.theme ?? null,
  background: document.body ? getComputedStyle(document.body).backgroundColor : null,
})`;
const shown = (page: Page) => page.evaluate<{ theme: string | null; background: string | null }>(SHOWN);

/**
 * The same, recorded at the first animation frame of the next load: a frame is drawn right after its
 * callbacks, so this is what the first paint shows.
 */
const RECORD_FIRST_FRAME = `requestAnimationFrame(() => { window.__firstFrame = ${SHOWN}; });`;

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }).click();
  const theme = page.getByRole('group', { name: 'Theme' });
  await theme.waitFor();
  return theme;
}

describe('theme', () => {
  const e2e = useE2E();

  it('follows the system until Settings chooses Light or Dark, keeps the choice, and paints it first', async () => {
    const harness = await e2e.startHarness();
    const { page } = await e2e.open(harness);
    const theme = await openSettings(page);
    expect(await theme.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    expect(await shown(page)).toEqual({ theme: null, background: LIGHT_BG });
    await screenshot(page, '220-settings-appearance');

    // System follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await shown(page)).toEqual({ theme: null, background: DARK_BG });
    // Light overrides a dark system, and Dark a light one.
    await theme.getByRole('radio', { name: 'Light' }).check();
    expect(await shown(page)).toEqual({ theme: 'light', background: LIGHT_BG });
    await page.emulateMedia({ colorScheme: 'light' });
    await theme.getByRole('radio', { name: 'Dark' }).check();
    expect(await shown(page)).toEqual({ theme: 'dark', background: DARK_BG });
    await screenshotBothSizes(page, '221-settings-dark');

    // A new load of the page: Dark from its first frame, before the app has rendered anything.
    await page.addInitScript({ content: RECORD_FIRST_FRAME });
    await page.reload();
    await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => Reflect.get(globalThis, '__firstFrame'))).toEqual({
      theme: 'dark',
      background: DARK_BG,
    });
    const again = await openSettings(page);
    expect(await again.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

    // Back to System: the choice is gone from the page and from the next load.
    await again.getByRole('radio', { name: 'System' }).check();
    expect(await shown(page)).toEqual({ theme: null, background: LIGHT_BG });
    await page.reload();
    await page.locator('html[data-app-ready="true"]').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => Reflect.get(globalThis, '__firstFrame'))).toEqual({
      theme: null,
      background: LIGHT_BG,
    });
  });
});
