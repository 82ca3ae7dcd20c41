import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const DAY = 86_400_000;

/** A usage file as a service's verifier writes it (shared/verify/usage-file.ts). */
function usageFile(appId: string, keys: Record<string, { hours: Record<string, number>; lastUsedAt: string }>) {
  return JSON.stringify({
    format: 'keyhaven-usage',
    version: 1,
    app: { id: appId, prefix: 'pyas' },
    source: 'svc-1',
    writtenAt: '2026-12-01T12:00:00.000Z',
    keys,
  });
}

describe("importing a service's usage file", () => {
  let t: TestCore;
  let clock: ManualClock;
  let appId: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-12-01T12:30:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('adds the uses to Last used, the count and activity; the same file again adds nothing; a later one only what is new', async () => {
    const { key } = await t.core.keys.generate(generateInput(appId, { name: 'Service' }));
    const first = usageFile(appId, {
      [key.keyId]: {
        hours: { '2026-12-01T10:00:00.000Z': 5, '2026-12-01T11:00:00.000Z': 2 },
        lastUsedAt: '2026-12-01T11:40:00.000Z',
      },
      Zz999999: { hours: { '2026-12-01T11:00:00.000Z': 9 }, lastUsedAt: '2026-12-01T11:41:00.000Z' },
    });
    expect(await t.core.keysets.importUsage(first)).toEqual({ app: 'Pyas', keys: 1, uses: 7, unknownKeys: 1 });
    expect(t.core.keys.list(appId)[0]).toMatchObject({ useCount: 7, lastUsedAt: '2026-12-01T11:40:00.000Z' });
    expect(t.core.activity.list({ appId }).filter((r) => r.type === 'key.usageImported')).toEqual([
      expect.objectContaining({
        count: 7,
        summary: 'API key "Service" verified 7 times by your service (imported usage)',
      }),
    ]);

    expect(await t.core.keysets.importUsage(first)).toMatchObject({ keys: 0, uses: 0 });
    const later = usageFile(appId, {
      [key.keyId]: {
        hours: { '2026-12-01T10:00:00.000Z': 5, '2026-12-01T11:00:00.000Z': 3, '2026-12-01T12:00:00.000Z': 4 },
        lastUsedAt: '2026-12-01T12:10:00.000Z',
      },
    });
    expect(await t.core.keysets.importUsage(later)).toMatchObject({ keys: 1, uses: 5 });
    expect(t.core.keys.list(appId)[0]).toMatchObject({ useCount: 12, lastUsedAt: '2026-12-01T12:10:00.000Z' });
  });

  it("a service's clock ahead of ours never puts Last used in the future; imported use clears the unused flag", async () => {
    const { key } = await t.core.keys.generate(
      generateInput(appId, { name: 'Service', expiration: { kind: 'never' } }),
    );
    clock.advance(100 * DAY);
    expect(t.core.keys.list(appId)[0]?.unused).toBe(true);
    const hour = new Date(Math.floor(clock.now().getTime() / 3_600_000) * 3_600_000).toISOString();
    await t.core.keysets.importUsage(
      usageFile(appId, { [key.keyId]: { hours: { [hour]: 1 }, lastUsedAt: '2030-01-01T00:00:00.000Z' } }),
    );
    expect(t.core.keys.list(appId)[0]).toMatchObject({ lastUsedAt: clock.now().toISOString(), unused: false });
  });

  it('takes no count from the future and no count no service could make, so the data file stays valid', async () => {
    const { key } = await t.core.keys.generate(generateInput(appId, { name: 'Service' }));
    const future = { '2026-12-01T12:00:00.000Z': 2, '2027-06-01T10:00:00.000Z': 5 };
    expect(
      await t.core.keysets.importUsage(
        usageFile(appId, { [key.keyId]: { hours: future, lastUsedAt: '2026-12-01T12:10:00.000Z' } }),
      ),
    ).toMatchObject({ uses: 2 });
    const huge = { '2026-12-01T12:00:00.000Z': Number.MAX_SAFE_INTEGER };
    await expect(
      t.core.keysets.importUsage(
        usageFile(appId, { [key.keyId]: { hours: huge, lastUsedAt: '2026-12-01T12:10:00.000Z' } }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.core.keys.list(appId)[0]?.useCount).toBe(2);
  });

  it('refuses a file of another app or of another shape, saying why and changing nothing', async () => {
    await expect(
      t.core.keysets.importUsage(usageFile('11111111-1111-4111-8111-111111111111', {})),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(t.core.keysets.importUsage('{"format":"other"}')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('not a Keyhaven usage file'),
    });
    await expect(t.core.keysets.importUsage('not json')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.core.db.snapshot().importedUsage).toEqual([]);
  });
});
