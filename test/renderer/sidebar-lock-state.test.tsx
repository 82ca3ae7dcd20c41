import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOCK_STATUS_REFRESH_MS, formatCountdown } from '../../renderer/src/features/shell/SidebarLockState';
import { renderApp } from './support/render-app';
import { personal } from './support/vaults';

const sidebar = () => within(screen.getByRole('complementary'));
const lockState = () => screen.getByTestId('lock-state');

afterEach(() => {
  vi.useRealTimers();
});

describe('the lock state in the sidebar', { timeout: 20_000 }, () => {
  it('counts down to auto-lock each second, re-reads main every 15 s, and Lock all locks every vault', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const { user, core, platform } = await renderApp({
      before: async (core) => {
        await core.vaults.vaults.createVault('Team');
      },
    });
    await waitFor(() => expect(lockState()).toHaveTextContent('2 vaults unlocked · Locks in 10:00'));

    await act(async () => vi.advanceTimersByTime(3_000));
    expect(lockState()).toHaveTextContent('2 vaults unlocked · Locks in 9:57');

    // The user was active elsewhere, then idle for 200 s: the next read says so.
    platform.idle = 200;
    await act(async () => vi.advanceTimersByTime(LOCK_STATUS_REFRESH_MS - 3_000));
    await waitFor(() => expect(lockState()).toHaveTextContent('2 vaults unlocked · Locks in 6:40'));

    await user.click(sidebar().getByRole('button', { name: 'Lock all' }));
    await waitFor(() => expect(lockState()).toHaveTextContent('All vaults locked'));
    expect(core.vaults.vaults.listVaults().every((vault) => vault.locked)).toBe(true);
    expect(sidebar().getByRole('button', { name: 'Lock all' })).toBeDisabled();
  });

  it('follows a vault opened elsewhere (data:changed), and shows no countdown with auto-lock off', async () => {
    const { core } = await renderApp({
      before: async (core) => {
        await core.vaults.vaults.updateSettings({ autoLockMinutes: 0 });
        core.vaults.vaults.lockAll();
      },
    });
    await waitFor(() => expect(lockState()).toHaveTextContent('All vaults locked'));
    await core.vaults.vaults.unlock(personal(core).id);
    act(() => core.events.emit('data:changed', { parts: ['vaults'] }));
    await waitFor(() => expect(lockState()).toHaveTextContent(/^1 vault unlocked$/));
    expect(sidebar().getByRole('button', { name: 'Lock all' })).toBeEnabled();
  });

  it('writes the countdown as m:ss, or h:mm:ss past an hour', () => {
    expect(formatCountdown(581)).toBe('9:41');
    expect(formatCountdown(59)).toBe('0:59');
    expect(formatCountdown(3_900)).toBe('1:05:00');
  });
});
