import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const DAY = 86_400_000;

describe('a live key verified nowhere for 90 days is flagged unused', () => {
  let t: TestCore;
  let clock: ManualClock;
  let appId: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-12-01T09:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  const unused = () => t.core.keys.list(appId).map((key) => [key.name, key.unused]);

  it('counts from creation, then from the last use; ended keys are never flagged', async () => {
    const { plaintext } = await t.core.keys.generate(
      generateInput(appId, { name: 'Used', expiration: { kind: 'never' } }),
    );
    const idle = await t.core.keys.generate(generateInput(appId, { name: 'Idle', expiration: { kind: 'never' } }));
    const gone = await t.core.keys.generate(generateInput(appId, { name: 'Gone', expiration: { kind: 'never' } }));
    await t.core.lifecycle.revoke(gone.key.id);
    clock.advance(90 * DAY - 1);
    expect(unused()).toEqual([
      ['Gone', false],
      ['Idle', false],
      ['Used', false],
    ]);
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('VALID');
    clock.advance(1);
    expect(unused()).toEqual([
      ['Gone', false],
      ['Idle', true],
      ['Used', false],
    ]);
    await t.core.usage.flush();
    clock.advance(90 * DAY);
    expect(unused()).toEqual([
      ['Gone', false],
      ['Idle', true],
      ['Used', true],
    ]);
    expect(idle.key.unused).toBe(false);
  });
});
