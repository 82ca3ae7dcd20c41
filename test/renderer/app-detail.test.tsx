import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createAppThroughUi, openApp, renderApp } from './support/render-app';

describe('App detail', () => {
  it('opens on the API Keys tab with a heading naming the app and its prefix', async () => {
    const { user } = await renderApp();
    await createAppThroughUi(user, 'Pyas', 'Social accounts API');
    await openApp(user, 'Pyas');

    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading).toHaveTextContent('Pyas');
    expect(heading).toHaveTextContent('pyas_');
    expect(heading).toHaveFocus();
    expect(screen.getByText('Social accounts API')).toBeInTheDocument();

    const tablist = screen.getByRole('tablist', { name: 'Pyas sections' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(['API Keys', 'Settings', 'Activity']);
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'API Keys' })).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'No API keys yet' })).toHaveTextContent(
      'Click Generate API key to issue a key for Pyas',
    );
  });

  it('moves between tabs with the arrow keys, Home and End (one Tab stop)', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Pyas' });
      },
    });
    await openApp(user, 'Pyas');
    const tab = (name: string) => screen.getByRole('tab', { name });

    expect(tab('API Keys')).toHaveAttribute('tabindex', '0');
    expect(tab('Settings')).toHaveAttribute('tabindex', '-1');
    await user.tab(); // from the focused heading to the selected tab
    expect(tab('API Keys')).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(tab('Settings')).toHaveFocus();
    expect(tab('Settings')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Settings' })).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(tab('Activity')).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Activity' })).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(tab('API Keys')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Activity')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('API Keys')).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(tab('Activity')).toHaveAttribute('aria-selected', 'true');

    // Tab leaves the tab list for the panel: only one stop in the list.
    await user.tab();
    expect(screen.getByRole('tabpanel', { name: 'Activity' })).toHaveFocus();
  });

  it('shows the settings: name, description, prefix, created and the scope catalog', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Cerby', description: 'Workspace API' });
      },
    });
    await openApp(user, 'Cerby');
    await user.click(screen.getByRole('tab', { name: 'Settings' }));
    const panel = screen.getByRole('tabpanel', { name: 'Settings' });
    const general = within(panel).getByRole('region', { name: 'General' });

    expect(within(general).getByLabelText('Name')).toHaveValue('Cerby');
    expect(within(general).getByLabelText('Description')).toHaveValue('Workspace API');
    const prefix = within(general).getByLabelText('Key prefix');
    expect(prefix).toHaveValue('cerby');
    expect(prefix).toHaveAccessibleDescription(/^Keys already issued keep their prefix\./);
    expect(
      within(general)
        .getByText(/^Created/)
        .querySelector('time'),
    ).toHaveAttribute('dateTime');

    const scopes = within(panel).getByRole('list', { name: 'Scopes of Cerby' });
    const items = within(scopes).getAllByRole('listitem');
    expect(items).toHaveLength(9);
    expect(items[0]).toHaveTextContent('Read activities');
    expect(within(items[0]!).getByText('read:activities').tagName).toBe('CODE');
    expect(items[8]).toHaveTextContent('Write automated jobs');
  });

  it('goes back to Apps, and the sidebar marks the current screen', async () => {
    const { user } = await renderApp({
      before: async (core) => {
        await core.apps.create({ name: 'Pyas' });
      },
    });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('button', { name: 'Apps' })).toHaveAttribute('aria-current', 'page');
    await openApp(user, 'Pyas');
    expect(within(nav).getByRole('button', { name: 'Apps' })).toHaveAttribute('aria-current', 'page');

    await user.click(within(screen.getByRole('main')).getByRole('button', { name: 'Apps' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Apps' })).toHaveFocus();

    await user.click(within(nav).getByRole('button', { name: 'Activity' }));
    expect(within(nav).getByRole('button', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'Activity' })).toHaveFocus();
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
  });
});
