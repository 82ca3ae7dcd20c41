// Issue 14: the current hour's verifications are listed at once, as a provisional record whose count
// grows, while the chain still gets one sealed "verified ×N" record per key once the hour is over.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityListItem } from '../../../shared/domain/activity';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const HOUR = 3_600_000;

describe('verifications of the current hour in Activity', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:05:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  const verifiedRecords = (query: { appId?: string; issuedKeyId?: string } = {}): ActivityListItem[] =>
    t.core.activity.list(query).filter((record) => record.type === 'key.verified');

  it('shows at once and grows with each verification, before and after the counts are written', async () => {
    const { key, plaintext } = await t.core.issuing.generate(generateInput(appId));
    expect(verifiedRecords()).toEqual([]);
    await t.core.keys.verifyKey(plaintext);
    // Counted in memory only (no flush yet): already listed, first, as this hour's record so far.
    expect(t.core.activity.list()[0]).toEqual({
      seq: 0,
      provisional: true,
      at: '2026-11-23T10:00:00.000Z',
      type: 'key.verified',
      appId,
      issuedKeyId: key.id,
      keyLabel: expect.stringMatching(/^pyas_\w{8}$/),
      summary: 'API key "Production" verified 1 time this hour so far',
      count: 1,
    });
    await t.core.keys.verifyKey(plaintext);
    expect(verifiedRecords().map((r) => r.count)).toEqual([2]);
    await t.core.usage.flush(); // now in keyhaven.json's bucket: counted once, not twice
    await t.core.keys.verifyKey(plaintext);
    expect(verifiedRecords().map((r) => [r.count, r.provisional])).toEqual([[3, true]]);
    // The key's page and the app's tab see it too.
    expect(verifiedRecords({ issuedKeyId: key.id }).map((r) => r.count)).toEqual([3]);
    expect(verifiedRecords({ appId }).map((r) => r.count)).toEqual([3]);
    expect(verifiedRecords({ appId: (await t.core.apps.create({ name: 'Other' })).id })).toEqual([]);
    // Nothing provisional is in the log itself.
    expect(t.core.db.activity.list().filter((r) => r.type === 'key.verified')).toEqual([]);
  });

  it('when the hour is sealed its record replaces the provisional one, and the next hour starts its own', async () => {
    const { plaintext } = await t.core.issuing.generate(generateInput(appId));
    await t.core.keys.verifyKey(plaintext);
    await t.core.keys.verifyKey(plaintext);
    clock.advance(HOUR);
    await t.core.keys.verifyKey(plaintext);
    // The hour before is over but not sealed until the next flush: still listed, now as "not sealed yet".
    expect(verifiedRecords().map((r) => [r.at, r.count, r.provisional === true, r.summary])).toEqual([
      ['2026-11-23T11:00:00.000Z', 1, true, 'API key "Production" verified 1 time this hour so far'],
      ['2026-11-23T10:00:00.000Z', 2, true, 'API key "Production" verified 2 times in this hour (not sealed yet)'],
    ]);
    await t.core.usage.flush();
    expect(verifiedRecords().map((r) => [r.at, r.count, r.provisional === true])).toEqual([
      ['2026-11-23T11:00:00.000Z', 1, true],
      ['2026-11-23T10:00:00.000Z', 2, false],
    ]);
    expect(verifiedRecords()[1]!.seq).toBeGreaterThan(0);
    expect(await t.core.activity.check()).toMatchObject({ intact: true });
  });

  it('a limit counts the provisional records', async () => {
    const { plaintext } = await t.core.issuing.generate(generateInput(appId));
    await t.core.keys.verifyKey(plaintext);
    expect(t.core.activity.list({ limit: 2 }).map((r) => r.type)).toEqual(['key.verified', 'key.generated']);
  });
});
