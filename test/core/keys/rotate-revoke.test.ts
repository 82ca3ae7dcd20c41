import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ActivityLog } from '../../../electron/core/activity/activity-log';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const HOUR = 3_600_000;

describe('rotating and revoking keys', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('replaces a key: same name, scopes and preset (restarted), linked both ways, shown once', async () => {
    const old = await t.core.keys.generate(
      generateInput(appId, { scopes: ['read:items', 'read:users'], expiration: { kind: 'preset', preset: '5d' } }),
    );
    clock.advance(2 * HOUR);
    const rotated = await t.core.lifecycle.rotate(old.key.id, 'immediately');
    expect(rotated.key).toMatchObject({
      name: 'Production',
      scopes: ['read:items', 'read:users'],
      replacesId: old.key.id,
      status: 'expiring_soon',
    });
    expect(rotated.key.expiresAt).toBe('2026-11-28T12:00:00.000Z'); // 5 days from the rotation
    expect(rotated.replaced).toMatchObject({ id: old.key.id, replacedById: rotated.key.id, status: 'rotated' });
    expect(rotated.plaintext).not.toBe(old.plaintext);
    expect((await t.core.keys.verifyKey(old.plaintext)).code).toBe('REVOKED');
    expect((await t.core.keys.verifyKey(rotated.plaintext)).code).toBe('VALID');
  });

  it('keeps a custom expiry date as it is', async () => {
    const expiration = { kind: 'custom' as const, at: '2026-12-24T18:00:00.000Z' };
    const old = await t.core.keys.generate(generateInput(appId, { expiration }));
    clock.advance(HOUR);
    const rotated = await t.core.lifecycle.rotate(old.key.id, '1h');
    expect(rotated.key.expiration).toEqual(expiration);
    expect(rotated.key.expiresAt).toBe('2026-12-24T18:00:00.000Z');
  });

  it('lets the old key work until the grace period ends, then never again', async () => {
    const old = await t.core.keys.generate(generateInput(appId));
    const rotated = await t.core.lifecycle.rotate(old.key.id, '24h');
    expect(rotated.replaced?.graceEndsAt).toBe('2026-11-24T10:00:00.000Z');
    clock.set('2026-11-24T09:59:59.999Z');
    expect((await t.core.keys.verifyKey(old.plaintext)).code).toBe('VALID');
    clock.set('2026-11-24T10:00:00.000Z');
    expect((await t.core.keys.verifyKey(old.plaintext)).code).toBe('REVOKED');
  });

  it('never extends the grace period past the old key’s own expiry', async () => {
    const old = await t.core.keys.generate(generateInput(appId, { expiration: { kind: 'preset', preset: '1h' } }));
    const rotated = await t.core.lifecycle.rotate(old.key.id, '7d');
    expect(rotated.replaced?.graceEndsAt).toBe('2026-11-23T11:00:00.000Z');
    clock.set('2026-11-23T11:00:00.000Z');
    expect((await t.core.keys.verifyKey(old.plaintext)).code).toBe('EXPIRED');
  });

  it('refuses to rotate a key twice, or a revoked or expired key', async () => {
    const a = await t.core.keys.generate(generateInput(appId, { name: 'A' }));
    await t.core.lifecycle.rotate(a.key.id, '1h');
    await expect(t.core.lifecycle.rotate(a.key.id, '1h')).rejects.toMatchObject({ code: 'CONFLICT' });
    const b = await t.core.keys.generate(generateInput(appId, { name: 'B' }));
    await t.core.lifecycle.revoke(b.key.id);
    await expect(t.core.lifecycle.rotate(b.key.id, '1h')).rejects.toMatchObject({ code: 'CONFLICT' });
    const c = await t.core.keys.generate(
      generateInput(appId, { name: 'C', expiration: { kind: 'preset', preset: '1h' } }),
    );
    clock.advance(2 * HOUR);
    await expect(t.core.lifecycle.rotate(c.key.id, '1h')).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('revokes immediately and irreversibly, also a rotated key still in grace', async () => {
    const a = await t.core.keys.generate(generateInput(appId));
    const rotated = await t.core.lifecycle.rotate(a.key.id, '7d');
    const revoked = await t.core.lifecycle.revoke(a.key.id);
    expect(revoked).toMatchObject({ status: 'revoked', revokedAt: '2026-11-23T10:00:00.000Z' });
    expect((await t.core.keys.verifyKey(a.plaintext)).code).toBe('REVOKED');
    await expect(t.core.lifecycle.revoke(a.key.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await t.core.keys.verifyKey(rotated.plaintext)).code).toBe('VALID');
  });

  it('records rotation and revocation in the activity log, linking both keys, without secrets', async () => {
    const a = await t.core.keys.generate(generateInput(appId));
    const rotated = await t.core.lifecycle.rotate(a.key.id, 'immediately');
    await t.core.lifecycle.revoke(rotated.key.id);
    const types = t.core.activity.list({ appId }).map((r) => r.type);
    expect(types).toEqual(['key.revoked', 'key.generated', 'key.rotated', 'key.generated', 'app.created']);
    const rotation = t.core.activity.list({ issuedKeyId: a.key.id }).find((r) => r.type === 'key.rotated');
    expect(rotation?.summary).toContain(`${rotated.key.keyPrefix}_${rotated.key.keyId}`);
    const all = JSON.stringify(t.core.activity.list());
    for (const secret of [a.plaintext, rotated.plaintext]) expect(all).not.toContain(secret.split('.')[1]);
  });

  it('still returns the new key when copying its record to activity.jsonl fails: both are committed, the record follows', async () => {
    const old = await t.core.keys.generate(generateInput(appId));
    vi.spyOn(ActivityLog.prototype, 'deliver').mockRejectedValueOnce(new Error('ENOSPC: no space left on device'));
    const rotated = await t.core.lifecycle.rotate(old.key.id, 'immediately');
    expect((await t.core.keys.verifyKey(rotated.plaintext)).code).toBe('VALID');
    expect(t.logged.some((line) => line.includes('kept in keyhaven.json') && line.includes('ENOSPC'))).toBe(true);
    expect(t.core.activity.list({ issuedKeyId: old.key.id }).map((r) => r.type)).toEqual(['key.generated']);
    await t.core.lifecycle.revoke(rotated.key.id);
    // The log's records, without this hour's verifications so far (shown above them, in no file).
    const types = t.core.activity
      .list({ appId })
      .filter((r) => !r.provisional)
      .map((r) => r.type);
    expect(types.slice(0, 4)).toEqual(['key.revoked', 'key.generated', 'key.rotated', 'key.generated']);
    expect(await t.core.activity.check()).toMatchObject({ intact: true });
    vi.restoreAllMocks();
  });
});
