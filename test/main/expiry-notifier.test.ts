import { afterEach, describe, expect, it, vi } from 'vitest';
import { reminderText, startExpiryNotifier } from '../../electron/main/expiry-notifier';
import { generateInput } from '../support/generate-input';
import { ManualClock } from '../support/manual-clock';
import { openTestCore, type TestCore } from '../support/open-test-core';

describe('expiry notifications', () => {
  let t: TestCore | null = null;
  afterEach(async () => {
    vi.useRealTimers();
    await t?.dispose();
  });

  it('notifies once per reminder, at start and on each interval, with no secret in the text', async () => {
    vi.useFakeTimers({ toFake: ['setInterval'] });
    const clock = new ManualClock('2026-11-23T10:00:00.000Z');
    t = await openTestCore({ clock });
    const appId = (await t.core.apps.create({ name: 'Pyas' })).id;
    const expiration = { kind: 'custom' as const, at: '2026-12-03T10:00:00.000Z' }; // 10 days from now
    const { plaintext } = await t.core.keys.generate(generateInput(appId, { expiration }));
    const shown: { title: string; body: string }[] = [];
    const core = t.core;
    clock.set('2026-11-26T11:00:00.000Z'); // inside the last 7 days
    const stop = startExpiryNotifier({
      takeDue: () => core.reminders.takeDue(),
      notify: (title, body) => shown.push({ title, body }),
      log: () => {},
      everyMs: 1_000,
    });
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(shown[0]?.title).toBe('An API key expires within 7 days');
    expect(shown[0]?.body).toContain('"Production"');
    expect(shown[0]?.body).not.toContain(plaintext.split('.')[1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown).toHaveLength(1);
    clock.set('2026-12-02T11:00:00.000Z'); // inside the last day
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() => expect(shown).toHaveLength(2));
    expect(shown[1]?.title).toBe('An API key expires within a day');
    stop();
  });

  it('words the reminder with the key label and app name', () => {
    const text = reminderText({
      appName: 'Cerby',
      reminder: '1d',
      key: { name: 'CI', keyPrefix: 'cerby', keyId: 'AbCdEfGh', expiresAt: '2026-11-24T10:00:00.000Z' } as never,
    });
    expect(text.body).toMatch(/^"CI" \(cerby_AbCdEfGh…\) of Cerby expires /);
  });
});
