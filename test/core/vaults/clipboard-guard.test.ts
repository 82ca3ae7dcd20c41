import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { ClipboardGuard } from '../../../electron/core/vaults/clipboard-guard';
import { MemoryKeychain } from '../../support/memory-keychain';
import { MemoryPlatform } from '../../support/memory-platform';
import { openTestCore, type TestCore } from '../../support/open-test-core';
import { makeTempDir } from '../../support/temp-dir';
import { CANARY } from './vault-fixture';

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? 'no code',
  );

/** A memory platform that also records the delay of every timeout set. */
function recordingPlatform() {
  const platform = new MemoryPlatform();
  const delays: number[] = [];
  const setTimeout = platform.timers.setTimeout;
  platform.timers.setTimeout = (callback, ms) => (delays.push(ms), setTimeout(callback, ms));
  return { platform, delays };
}

describe('clipboard guard', () => {
  it('copies, and clears after the delay when the clipboard still holds the copy', async () => {
    const { platform, delays } = recordingPlatform();
    const guard = new ClipboardGuard(platform.clipboard, platform.timers);
    expect(await guard.copy(CANARY, 30)).toEqual({ copyId: expect.any(String), clearsAfterSeconds: 30 });
    expect(platform.writes).toEqual([CANARY]);
    expect(platform.text).toBe(CANARY);
    expect(platform.pendingTimers()).toBe(1);
    expect(delays).toEqual([30_000]);
    expect(platform.text).toBe(CANARY); // nothing cleared before the timer fires
    await platform.runTimers();
    expect(platform.text).toBe('');
    expect(platform.pendingTimers()).toBe(0);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const platform = new MemoryPlatform();
    const guard = new ClipboardGuard(platform.clipboard, platform.timers);
    await guard.copy(CANARY, 30);
    platform.text = 'something the user copied';
    await platform.runTimers();
    expect(platform.text).toBe('something the user copied');
    // …and a later quit does not clear it either: the guard forgot its copy.
    expect(await guard.clearIfUnchanged()).toBe(false);
    expect(platform.text).toBe('something the user copied');
  });

  it('a second copy replaces the first: one timer, and only the latest copy is cleared', async () => {
    const platform = new MemoryPlatform();
    const guard = new ClipboardGuard(platform.clipboard, platform.timers);
    await guard.copy('first-value', 30);
    await guard.copy('second-value', 10);
    expect(platform.pendingTimers()).toBe(1);
    platform.text = 'first-value'; // the user pasted the first value back: not ours any more
    await platform.runTimers();
    expect(platform.text).toBe('first-value');
  });

  it('says what became of each copy: cleared, left alone (the user copied since), replaced by a later copy', async () => {
    const platform = new MemoryPlatform();
    const released: Array<[string, string]> = [];
    const guard = new ClipboardGuard(platform.clipboard, platform.timers, (id, outcome) =>
      released.push([id, outcome]),
    );
    const first = await guard.copy('first-value', 30);
    const second = await guard.copy('second-value', 30);
    expect(second.copyId).not.toBe(first.copyId);
    expect(released).toEqual([[first.copyId, 'replaced']]);
    await platform.runTimers();
    expect(released).toEqual([
      [first.copyId, 'replaced'],
      [second.copyId, 'cleared'],
    ]);

    const third = await guard.copy('third-value', 30);
    platform.text = 'something the user copied';
    await platform.runTimers();
    expect(released.at(-1)).toEqual([third.copyId, 'changed']);
    // Nothing held any more: a quit says nothing.
    await guard.clearIfUnchanged();
    expect(released).toHaveLength(3);
  });

  it('stores no plaintext: only a SHA-256 of what it copied', async () => {
    const platform = new MemoryPlatform();
    const guard = new ClipboardGuard(platform.clipboard, platform.timers);
    await guard.copy(CANARY, 30);
    const state = JSON.stringify(Object.entries(guard).filter(([name]) => name !== 'port' && name !== 'timers'));
    expect(state).not.toContain(CANARY);
    expect(state).not.toContain(Buffer.from(CANARY).toString('base64'));
    expect(state).toContain(createHash('sha256').update(CANARY).digest('base64'));
  });

  it('without a clipboard port: UNAVAILABLE, nothing scheduled', async () => {
    const platform = new MemoryPlatform();
    const guard = new ClipboardGuard(null, platform.timers);
    expect(await codeOf(guard.copy(CANARY, 30))).toBe('UNAVAILABLE');
    expect(platform.pendingTimers()).toBe(0);
    expect(await guard.clearIfUnchanged()).toBe(false);
  });
});

describe('clipboard guard in the core', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    await t?.dispose().catch(() => undefined);
    t = null;
  });

  async function copiedEntry(platform = new MemoryPlatform()) {
    t = await openTestCore({ platform });
    const [vault] = t.core.vaults.vaults.listVaults();
    const entry = await t.core.vaults.entries.addEntry({ vaultId: vault!.id, name: 'k', secret: CANARY });
    return { t, entry };
  }

  it('core.close() clears our copy', async () => {
    const { t, entry } = await copiedEntry();
    await t.core.clipboard.copy(t.core.vaults.entries.reveal(entry.id).secret, 30);
    expect(t.platform.text).toBe(CANARY);
    await t.core.close();
    expect(t.platform.text).toBe('');
  });

  it('the core tells the page through the clipboard:released event', async () => {
    const { t, entry } = await copiedEntry();
    const events: unknown[] = [];
    t.core.events.on('clipboard:released', (payload) => events.push(payload));
    const { copyId } = await t.core.vaultActions.copy(entry.id, 'header');
    await t.platform.runTimers();
    expect(events).toEqual([{ copyId, outcome: 'cleared' }]);
  });

  it('core.close() keeps what the user copied after us', async () => {
    const { t, entry } = await copiedEntry();
    await t.core.clipboard.copy(t.core.vaults.entries.reveal(entry.id).secret, 30);
    t.platform.text = 'user text';
    await t.core.close();
    expect(t.platform.text).toBe('user text');
  });

  it('the configured delay is the one returned and used', async () => {
    const { platform, delays } = recordingPlatform();
    const { t, entry } = await copiedEntry(platform);
    await t.core.vaults.vaults.updateSettings({ clipboardClearSeconds: 45 });
    expect(await t.core.vaultActions.copy(entry.id, 'value')).toMatchObject({ clearsAfterSeconds: 45 });
    expect(delays).toEqual([45_000]);
    expect(platform.writes).toEqual([CANARY]);
  });

  it('a core opened without a platform answers UNAVAILABLE (no fallback clipboard)', async () => {
    const dir = await makeTempDir();
    const core = await openCore({ dataDir: dir.path, keychain: new MemoryKeychain(), version: 'test' });
    try {
      expect(await codeOf(core.clipboard.copy(CANARY, 30))).toBe('UNAVAILABLE');
    } finally {
      await core.close();
      await dir.remove();
    }
  });
});
