import { afterEach, describe, expect, it } from 'vitest';
import { AutoLock, IDLE_POLL_MS } from '../../../electron/core/vaults/auto-lock';
import type { VaultSettings } from '../../../shared/domain/vault';
import { MemoryPlatform } from '../../support/memory-platform';
import { openTestCore, type TestCore } from '../../support/open-test-core';

/**
 * Auto-lock through the real core: the memory platform plays the OS (screen lock, sleep, idle time)
 * and fires the core's timers when the test says so, so nothing here waits on a clock.
 */
let t: TestCore | null = null;
afterEach(async () => {
  await t?.dispose().catch(() => undefined);
  t = null;
});

/** A core with two unlocked vaults ("Personal" from the first run, and "Work"). */
async function unlockedCore(platform = new MemoryPlatform()) {
  t = await openTestCore({ platform });
  const work = await t.core.vaults.vaults.createVault('Work');
  const [personal] = t.core.vaults.vaults.listVaults();
  await t.core.vaults.vaults.unlock(personal!.id);
  expect(lockedStates()).toEqual([false, false]);
  return { t, ids: [personal!.id, work.id] };
}

const lockedStates = () => t!.core.vaults.vaults.listVaults().map((vault) => vault.locked);

describe('auto-lock', () => {
  it.each(['lock-screen', 'suspend'] as const)('%s locks every vault', async (event) => {
    const { t } = await unlockedCore();
    t.platform.emit(event);
    expect(lockedStates()).toEqual([true, true]);
  });

  it.each(['lock-screen', 'suspend'] as const)('%s does nothing when lockOnScreenLock is off', async (event) => {
    const { t } = await unlockedCore();
    await t.core.vaults.vaults.updateSettings({ lockOnScreenLock: false });
    t.platform.emit(event);
    expect(lockedStates()).toEqual([false, false]);
    // Switched back on, the next event locks: the setting is read on every event.
    await t.core.vaults.vaults.updateSettings({ lockOnScreenLock: true });
    t.platform.emit(event);
    expect(lockedStates()).toEqual([true, true]);
  });

  it('locks on the next timer tick once the system was idle for autoLockMinutes (default 10)', async () => {
    const { t } = await unlockedCore();
    expect(t.core.vaults.vaults.settings().autoLockMinutes).toBe(10);
    t.platform.idle = 10 * 60 - 1;
    await t.platform.runTimers();
    expect(lockedStates()).toEqual([false, false]);
    t.platform.idle = 10 * 60;
    expect(lockedStates()).toEqual([false, false]); // nothing happens between ticks…
    await t.platform.runTimers();
    expect(lockedStates()).toEqual([true, true]); // …the tick locks
  });

  it('0 minutes never locks on idle', async () => {
    const { t } = await unlockedCore();
    await t.core.vaults.vaults.updateSettings({ autoLockMinutes: 0 });
    t.platform.idle = 365 * 24 * 3600;
    await t.platform.runTimers();
    await t.platform.runTimers();
    expect(lockedStates()).toEqual([false, false]);
  });

  it('a settings change applies at once, without a restart', async () => {
    const { t, ids } = await unlockedCore();
    t.platform.idle = 120;
    await t.platform.runTimers();
    expect(lockedStates()).toEqual([false, false]);
    await t.core.vaults.vaults.updateSettings({ autoLockMinutes: 2 });
    await t.platform.runTimers();
    expect(lockedStates()).toEqual([true, true]);

    for (const id of ids) await t.core.vaults.vaults.unlock(id);
    await t.core.vaults.vaults.updateSettings({ autoLockMinutes: 3 });
    await t.platform.runTimers();
    expect(lockedStates()).toEqual([false, false]);
  });

  it('close stops the timers and the power subscriptions', async () => {
    const platform = new MemoryPlatform();
    let subscribed = 0;
    const on = platform.power.on;
    platform.power.on = (event, listener) => {
      subscribed++;
      const off = on(event, listener);
      return () => (subscribed--, off());
    };
    const { t } = await unlockedCore(platform);
    expect(subscribed).toBe(2); // lock-screen and suspend
    // the idle poll, the hourly check of published keysets, and the team vaults' background sync
    expect(platform.pendingTimers()).toBe(3);
    await t.core.close();
    expect(subscribed).toBe(0);
    expect(platform.pendingTimers()).toBe(0);
  });

  it('locking on idle keeps the entries and their metadata; unlock brings the secrets back', async () => {
    const { t, ids } = await unlockedCore();
    const entry = await t.core.vaults.entries.addEntry({ vaultId: ids[1]!, name: 'Work key', secret: 'kept-value' });
    t.platform.idle = 3600;
    await t.platform.runTimers();
    expect(() => t.core.vaults.entries.reveal(entry.id)).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(t.core.vaults.entries.listEntries(ids[1]!).map((e) => e.name)).toEqual(['Work key']);
    t.platform.idle = 0;
    await t.core.vaults.vaults.unlock(ids[1]!);
    expect(t.core.vaults.entries.reveal(entry.id).secret).toBe('kept-value');
  });
});

describe('AutoLock on its own', () => {
  it('polls the idle time every IDLE_POLL_MS, and stop() unsubscribes and clears the poll', () => {
    const platform = new MemoryPlatform();
    const delays: number[] = [];
    const setInterval = platform.timers.setInterval;
    platform.timers.setInterval = (callback, ms) => (delays.push(ms), setInterval(callback, ms));
    const settings: VaultSettings = {
      autoLockMinutes: 1,
      lockOnScreenLock: true,
      clipboardClearSeconds: 30,
      passphraseOffered: false,
    };
    const reasons: string[] = [];
    const autoLock = new AutoLock(
      platform.power,
      platform.timers,
      () => settings,
      (reason) => reasons.push(reason),
    );
    autoLock.start();
    expect(delays).toEqual([IDLE_POLL_MS]);
    platform.emit('lock-screen');
    platform.emit('suspend');
    platform.idle = 60;
    autoLock.checkIdle();
    expect(reasons).toEqual(['screen-lock', 'suspend', 'idle']);
    autoLock.stop();
    platform.emit('lock-screen');
    expect(reasons).toHaveLength(3);
    expect(platform.pendingTimers()).toBe(0);
  });
});
