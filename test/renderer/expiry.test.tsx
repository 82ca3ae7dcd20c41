import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { APPS_REFRESH_MS } from '../../renderer/src/stores/apps-store';
import { generate } from './support/keys';
import { renderApp } from './support/render-app';

const appsButton = () => within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Apps' });
const badge = () => screen.queryByTestId('expiry-badge');
/** The whole card of an app in the list (its button holds only the name). */
const card = (name: string) =>
  within(screen.getByRole('list', { name: 'Apps' }))
    .getByRole('button', { name })
    .closest<HTMLElement>('li')!;

async function twoApps(core: Core) {
  const pyas = await core.apps.create({ name: 'Pyas' });
  const cerby = await core.apps.create({ name: 'Cerby' });
  return { pyas: pyas.id, cerby: cerby.id };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Expiry reminders in the app', () => {
  it('counts keys expiring within 7 days on the sidebar and on each app', async () => {
    await renderApp({
      before: async (core) => {
        const apps = await twoApps(core);
        await generate(core, apps.pyas, { name: 'Soon', expiration: { kind: 'preset', preset: '5d' } });
        await generate(core, apps.pyas, { name: 'Later' });
        await generate(core, apps.cerby, { name: 'Soon too', expiration: { kind: 'preset', preset: '5d' } });
      },
    });
    expect(badge()).toHaveTextContent('2');
    expect(badge()).not.toHaveClass('sidebar__badge--urgent');
    expect(appsButton()).toHaveAccessibleName('Apps');
    expect(appsButton()).toHaveAccessibleDescription('2 keys expire within 7 days');
    expect(within(card('Pyas')).getByRole('button')).toHaveAccessibleDescription(/1 expiring soon 2 keys/);
    expect(card('Cerby')).toHaveTextContent('1 expiring soon');
  });

  it('turns urgent when a key expires within a day', async () => {
    await renderApp({
      before: async (core) => {
        const apps = await twoApps(core);
        await generate(core, apps.cerby, { name: 'Today', expiration: { kind: 'preset', preset: '12h' } });
      },
    });
    expect(badge()).toHaveTextContent('1');
    expect(badge()).toHaveClass('sidebar__badge--urgent');
    expect(appsButton()).toHaveAccessibleDescription('1 key expires within 7 days, at least one within a day');
    expect(within(card('Cerby')).getByText('1 expiring soon')).toHaveClass('app-card__expiring--urgent');
    expect(card('Pyas')).not.toHaveTextContent('expiring soon');
  });

  it('shows no badge while nothing expires soon; revoked and never-expiring keys do not count', async () => {
    await renderApp({
      before: async (core) => {
        const apps = await twoApps(core);
        const soon = await generate(core, apps.pyas, { expiration: { kind: 'preset', preset: '1d' } });
        await core.lifecycle.revoke(soon.key.id);
        await generate(core, apps.pyas, { name: 'Forever', expiration: { kind: 'never' } });
      },
    });
    expect(badge()).not.toBeInTheDocument();
    expect(appsButton()).not.toHaveAccessibleDescription();
  });

  it('refreshes the app list every minute while open, and stops when closed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let coreTimers = 0; // the core's own: its stores follow the data folder (store-follower.ts)
    const { core } = await renderApp({
      before: async (c) => {
        await twoApps(c);
        coreTimers = vi.getTimerCount();
      },
    });
    expect(badge()).not.toBeInTheDocument();

    // A key issued elsewhere (the command line, another window) shows up within a minute.
    await generate(core, core.apps.list()[0]!.id, { expiration: { kind: 'preset', preset: '5d' } });
    await act(async () => vi.advanceTimersByTime(APPS_REFRESH_MS - 1_000));
    expect(badge()).not.toBeInTheDocument();
    await act(async () => vi.advanceTimersByTime(1_000));
    expect(await screen.findByTestId('expiry-badge')).toHaveTextContent('1');

    cleanup();
    expect(vi.getTimerCount()).toBe(coreTimers);
  });
});
