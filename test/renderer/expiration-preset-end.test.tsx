// The wizard's "Expiration time" shows the exact end of the chosen preset, in the one date format.
import { within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { presetExpiry, type ExpirationPresetId } from '../../shared/catalogs/expirations';
import { formatAbsolute } from '../../renderer/src/lib/time';
import { renderApp } from './support/render-app';
import { openWizard, withApp } from './support/wizard';

/** The ends a preset can show while the test runs: the minute may turn between render and reading. */
const endsBetween = (preset: ExpirationPresetId, from: number) =>
  [from, Date.now()].map((ms) => formatAbsolute(presetExpiry(preset, new Date(ms))));

const hintOf = (select: HTMLElement) => document.getElementById(select.getAttribute('aria-describedby') ?? '');

describe('Expiration time in the wizard', () => {
  it('says until when each preset runs if the key is generated now, and how Custom counts', async () => {
    const { user } = await renderApp(withApp);
    const from = Date.now();
    const dialog = await openWizard(user);
    const select = within(dialog).getByLabelText('Expiration time');

    const yearHint = hintOf(select)?.textContent ?? '';
    expect(yearHint).toMatch(/^1 year — until .+ if generated now\. A preset counts from the moment/);
    expect(endsBetween('1y', from).some((end) => yearHint.includes(`until ${end} if`))).toBe(true);

    await user.selectOptions(select, '1 day');
    const dayHint = hintOf(select)?.textContent ?? '';
    expect(endsBetween('1d', from).some((end) => dayHint.startsWith(`1 day — until ${end} if generated now.`))).toBe(
      true,
    );

    await user.selectOptions(select, 'Custom');
    expect(hintOf(select)).toHaveTextContent(/^A preset counts from the moment the key is generated\.$/);
  });
});
