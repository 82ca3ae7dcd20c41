import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { decodeDocument, encodeDocument } from '../../../electron/core/storage/document-text';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const HOUR = 3_600_000;

describe('renaming, noting, disabling and enabling a key', () => {
  let t: TestCore;
  let appId: string;
  const clock = new ManualClock();

  beforeEach(async () => {
    clock.set('2026-11-23T10:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  it('renames a key and sets its note, recorded in the activity log; a change to nothing records nothing', async () => {
    const { key } = await t.core.issuing.generate(generateInput(appId));
    const renamed = await t.core.issuing.update({ id: key.id, name: 'Billing worker', note: 'Used by the cron box' });
    expect(renamed).toMatchObject({ name: 'Billing worker', note: 'Used by the cron box' });
    expect(t.core.issuing.list(appId)[0]).toMatchObject({ name: 'Billing worker', note: 'Used by the cron box' });
    await t.core.issuing.update({ id: key.id, name: 'Billing worker' });
    const records = t.core.activity.list({ issuedKeyId: key.id });
    expect(records.filter((r) => r.type === 'key.updated').map((r) => r.summary)).toEqual([
      'API key "Production" renamed from "Production" to "Billing worker"; note changed',
    ]);
  });

  it('disables a key (DISABLED, status Disabled) and enabling it makes it VALID again', async () => {
    const { key, plaintext } = await t.core.issuing.generate(generateInput(appId));
    const disabled = await t.core.issuing.disable(key.id);
    expect(disabled).toMatchObject({ status: 'disabled', disabledAt: '2026-11-23T10:00:00.000Z' });
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('DISABLED');
    expect((await t.core.issuing.verify(`Bearer ${plaintext}`, 'bearer')).code).toBe('DISABLED');
    await expect(t.core.issuing.disable(key.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // Disabled is not live: it cannot be rotated, but it can be revoked for good.
    await expect(t.core.issuing.rotate(key.id, 'immediately')).rejects.toMatchObject({ code: 'CONFLICT' });

    const enabled = await t.core.issuing.enable(key.id);
    expect(enabled).toMatchObject({ status: 'active', disabledAt: null });
    expect((await t.core.keys.verifyKey(plaintext)).code).toBe('VALID');
    await expect(t.core.issuing.enable(key.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    // The log's records, without this hour's verifications so far (shown above them, in no file).
    const logged = t.core.activity.list({ issuedKeyId: key.id }).filter((r) => !r.provisional);
    expect(logged.map((r) => r.type).slice(0, 2)).toEqual(['key.enabled', 'key.disabled']);
  });

  it('answers why a disabled key ended when it also expired or was revoked, and will not enable it', async () => {
    const short = await t.core.issuing.generate(generateInput(appId, { expiration: { kind: 'preset', preset: '1h' } }));
    await t.core.issuing.disable(short.key.id);
    clock.advance(2 * HOUR);
    expect((await t.core.keys.verifyKey(short.plaintext)).code).toBe('EXPIRED');
    await expect(t.core.issuing.enable(short.key.id)).rejects.toMatchObject({ code: 'CONFLICT' });

    const other = await t.core.issuing.generate(generateInput(appId, { name: 'Other' }));
    await t.core.issuing.disable(other.key.id);
    await t.core.issuing.revoke(other.key.id);
    expect((await t.core.keys.verifyKey(other.plaintext)).code).toBe('REVOKED');
    expect(t.core.issuing.list(appId).find((k) => k.id === other.key.id)?.status).toBe('revoked');
  });

  it('refuses a disabled key whose disabledAt was cleared outside Keyhaven (the seal covers it)', async () => {
    const { key, plaintext } = await t.core.issuing.generate(generateInput(appId));
    await t.core.issuing.disable(key.id);
    await t.core.close();
    const file = join(t.dataDir, 'keyhaven.json');
    const data = decodeDocument(await readFile(file, 'utf8')) as { keys: { disabledAt: string | null }[] };
    for (const record of data.keys) record.disabledAt = null;
    await writeFile(file, encodeDocument(data));
    const reopened = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test', clock });
    try {
      expect((await reopened.keys.verifyKey(plaintext)).code).toBe('TAMPERED');
    } finally {
      await reopened.close();
      await rm(t.dataDir, { recursive: true, force: true });
    }
    t = await openTestCore({ clock }); // for afterEach
  });

  it('counts a key’s verifications per day over the last 30 days, in the page’s time zone', async () => {
    const { key, plaintext } = await t.core.issuing.generate(generateInput(appId));
    clock.set('2026-11-20T23:30:00.000Z'); // 21 Nov in UTC+1, 20 Nov in UTC
    await t.core.keys.verifyKey(plaintext);
    clock.set('2026-11-22T08:00:00.000Z');
    await t.core.keys.verifyKey(plaintext);
    await t.core.keys.verifyKey(plaintext);
    await t.core.usage.flush(); // the 20th's hour is sealed into the activity log; the 22nd's stays a bucket
    clock.set('2026-11-23T10:00:00.000Z');
    await t.core.keys.verifyKey(plaintext); // still only in memory
    await t.core.keys.verifyKey(`${plaintext}x`); // not VALID: not a use

    const utc = t.core.issuing.usagePerDay(key.id, 0);
    expect(utc.days).toHaveLength(30);
    expect(utc.days.at(-1)).toEqual({ day: '2026-11-23', count: 1 });
    expect(utc.days.filter((d) => d.count > 0)).toEqual([
      { day: '2026-11-20', count: 1 },
      { day: '2026-11-22', count: 2 },
      { day: '2026-11-23', count: 1 },
    ]);
    expect(utc.total).toBe(4);
    const plusOne = t.core.issuing.usagePerDay(key.id, 60);
    expect(plusOne.days.filter((d) => d.count > 0).map((d) => d.day)).toEqual([
      '2026-11-21',
      '2026-11-22',
      '2026-11-23',
    ]);
    clock.set('2026-12-25T10:00:00.000Z');
    expect(t.core.issuing.usagePerDay(key.id, 0).total).toBe(0);
  });
});
