import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createVerifier } from '../../../shared/verify/index';
import type { Keyset } from '../../../shared/verify/keyset';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

describe('archiving and deleting an app', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('archiving revokes every key everywhere (core, keyset) and issues no more keys', async () => {
    const live = await t.core.issuing.generate(generateInput(appId, { name: 'Live' }));
    const off = await t.core.issuing.generate(generateInput(appId, { name: 'Off' }));
    await t.core.issuing.disable(off.key.id);
    const other = (await t.core.apps.create({ name: 'Billing' })).id;
    const untouched = await t.core.issuing.generate(generateInput(other));

    const archived = await t.core.appRetirement.archive(appId);
    expect(archived.archivedAt).toBe('2026-11-23T10:00:00.000Z');
    expect((await t.core.keys.verifyKey(live.plaintext)).code).toBe('REVOKED');
    expect((await t.core.keys.verifyKey(off.plaintext)).code).toBe('REVOKED');
    expect((await t.core.keys.verifyKey(untouched.plaintext)).code).toBe('VALID');
    expect(t.core.issuing.list(appId).map((k) => k.status)).toEqual(['revoked', 'revoked']);

    const text = await t.core.keysets.export(appId);
    const keyset = JSON.parse(text) as Keyset;
    expect(keyset.keys).toEqual([]);
    expect(keyset.revoked.map((r) => r.keyId).sort()).toEqual([live.key.keyId, off.key.keyId].sort());
    const service = await createVerifier({
      keyset: text,
      publicKey: (await t.core.keysets.status(appId)).publicKey,
      secret: (await t.core.secrets.pepperOf(appId)).toString('base64url'),
      now: () => clock.now().getTime(),
    });
    expect(await service.verify(live.plaintext)).toMatchObject({ valid: false, code: 'REVOKED' });

    await expect(t.core.issuing.generate(generateInput(appId))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'App "Pyas" is archived: it issues no new keys.',
    });
    await expect(t.core.appRetirement.archive(appId)).rejects.toMatchObject({ code: 'CONFLICT' });
    const types = t.core.activity.list({ appId }).map((r) => r.type);
    expect(types.slice(types.indexOf('app.archived') - 2, types.indexOf('app.archived') + 1)).toEqual([
      'key.revoked',
      'key.revoked',
      'app.archived',
    ]);
  });

  it('refuses to delete an app with a live, disabled or still-retiring key, with a clear error', async () => {
    const live = await t.core.issuing.generate(generateInput(appId));
    await expect(t.core.appRetirement.delete(appId)).rejects.toMatchObject({
      code: 'CONFLICT',
      message:
        'App "Pyas" still has 1 live key (active, disabled or in a rotation\'s grace period). Revoke it, or archive the app, before deleting it.',
    });
    await t.core.issuing.disable(live.key.id);
    await expect(t.core.appRetirement.delete(appId)).rejects.toMatchObject({ code: 'CONFLICT' });
    await t.core.issuing.enable(live.key.id);
    await t.core.issuing.rotate(live.key.id, '1h');
    await t.core.issuing.revoke(t.core.issuing.list(appId)[0]?.id ?? ''); // the new key; the old one retires
    await expect(t.core.appRetirement.delete(appId)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(t.core.apps.list().map((a) => a.name)).toEqual(['Pyas']);
  });

  it('deletes an app whose keys have all ended, with their records, and keeps the other apps’ keys', async () => {
    const gone = await t.core.issuing.generate(generateInput(appId));
    await t.core.issuing.revoke(gone.key.id);
    const other = (await t.core.apps.create({ name: 'Billing' })).id;
    const kept = await t.core.issuing.generate(generateInput(other));
    await t.core.keys.verifyKey(kept.plaintext);

    await t.core.appRetirement.delete(appId);
    expect(t.core.apps.list().map((a) => a.name)).toEqual(['Billing']);
    expect(t.core.db.snapshot().keys.map((k) => k.id)).toEqual([kept.key.id]);
    await expect(Promise.resolve().then(() => t.core.issuing.list(appId))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await t.core.keys.verifyKey(gone.plaintext)).code).toBe('NOT_FOUND');
    expect((await t.core.keys.verifyKey(kept.plaintext)).code).toBe('VALID');
    expect(t.core.activity.list({ appId })[0]?.summary).toBe('App "Pyas" deleted with its ended keys');
  });

  it('deletes an archived app', async () => {
    await t.core.issuing.generate(generateInput(appId));
    await t.core.appRetirement.archive(appId);
    await t.core.appRetirement.delete(appId);
    expect(t.core.apps.list()).toEqual([]);
  });
});
