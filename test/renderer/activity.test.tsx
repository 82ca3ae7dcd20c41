import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from './support/render-app';

describe('Activity', () => {
  it('shows an empty state before anything happened', async () => {
    const { user } = await renderApp();
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Activity' }),
    );
    expect(await screen.findByRole('region', { name: 'No activity yet' })).toHaveTextContent(
      'Creating apps and generating API keys are recorded here.',
    );
  });

  it('lists activity across all apps, newest first, with the app name', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        const pyas = await core.apps.create({ name: 'Pyas' });
        await core.apps.create({ name: 'Cerby' });
        await core.keys.generate({ appId: pyas.id, name: 'Production' });
      },
    });
    await user.click(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Activity' }),
    );
    const table = await screen.findByRole('table', { name: 'Activity across all apps, newest first' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/Pyas.*API key "Production" \(pyas_\w{8}\) generated/),
      expect.stringMatching(/Cerby.*App "Cerby" created/),
      expect.stringMatching(/Pyas.*App "Pyas" created/),
    ]);
  });

  it("shows only the app's own records in its Activity tab", async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Pyas' });
        await core.apps.create({ name: 'Cerby' });
      },
    });
    await user.click(within(screen.getByRole('list', { name: 'Apps' })).getByRole('button', { name: 'Cerby' }));
    await user.click(screen.getByRole('tab', { name: 'Activity' }));
    const table = await within(screen.getByRole('tabpanel', { name: 'Activity' })).findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('App "Cerby" created');
  });
});
