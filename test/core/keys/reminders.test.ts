import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const DAY = 86_400_000;

describe('expiry reminders', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('reminds 7 days and 1 day before expiry, each once, and survives a restart', async () => {
    const expiration = { kind: 'custom' as const, at: '2026-12-10T10:00:00.000Z' };
    await t.core.keys.generate(generateInput(appId, { expiration }));
    await t.core.keys.generate(generateInput(appId, { name: 'Forever', expiration: { kind: 'never' } }));
    expect(await t.core.reminders.takeDue()).toEqual([]);
    clock.set(new Date(Date.parse(expiration.at) - 7 * DAY));
    expect((await t.core.reminders.takeDue()).map((r) => [r.key.name, r.reminder, r.appName])).toEqual([
      ['Production', '7d', 'Pyas'],
    ]);
    expect(await t.core.reminders.takeDue()).toEqual([]);
    await t.core.close();
    t.core = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test', clock });
    clock.set(new Date(Date.parse(expiration.at) - DAY + 1));
    expect((await t.core.reminders.takeDue()).map((r) => r.reminder)).toEqual(['1d']);
    expect(await t.core.reminders.takeDue()).toEqual([]);
  });

  it('skips reminders longer than the key’s life, and gives only the most urgent one reached', async () => {
    await t.core.keys.generate(generateInput(appId, { name: 'Short', expiration: { kind: 'preset', preset: '12h' } }));
    await t.core.keys.generate(
      generateInput(appId, { name: 'Five days', expiration: { kind: 'preset', preset: '5d' } }),
    );
    expect(await t.core.reminders.takeDue()).toEqual([]); // a 12-hour and a 5-day key: nothing to remind yet
    clock.advance(4.5 * DAY);
    expect((await t.core.reminders.takeDue()).map((r) => [r.key.name, r.reminder])).toEqual([['Five days', '1d']]);
    clock.advance(3_600_000);
    expect(await t.core.reminders.takeDue()).toEqual([]);
  });

  it('does not remind about revoked or rotated keys, and counts expiring keys for the badge', async () => {
    const a = await t.core.keys.generate(
      generateInput(appId, { name: 'A', expiration: { kind: 'preset', preset: '5d' } }),
    );
    await t.core.keys.generate(generateInput(appId, { name: 'B', expiration: { kind: 'preset', preset: '12h' } }));
    expect(t.core.apps.list()[0]).toMatchObject({ expiringSoonCount: 2, expiringWithinDayCount: 1 });
    await t.core.lifecycle.revoke(a.key.id);
    clock.advance(4.5 * DAY - 1);
    expect((await t.core.reminders.takeDue()).map((r) => r.key.name)).toEqual([]); // A revoked, B expired
    clock.set('2026-11-23T10:00:00.000Z');
    expect(t.core.apps.list()[0]).toMatchObject({ expiringSoonCount: 1, expiringWithinDayCount: 1 });
  });
});
