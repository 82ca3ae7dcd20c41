import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { createVerifier } from '../../../shared/verify/index';
import type { Keyset } from '../../../shared/verify/keyset';
import { generateInput } from '../../support/generate-input';
import { ManualClock } from '../../support/manual-clock';
import { openTestCore, type TestCore } from '../../support/open-test-core';

const DAY = 86_400_000;

describe('keysets: what a service verifies keys with, signed by Keyhaven', () => {
  let t: TestCore;
  let clock: ManualClock;
  let appId: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-12-01T09:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
  });
  afterEach(() => t.dispose());

  /** A verifier as a service would make one: the keyset text, the public key and the app's secret. */
  async function serviceFor(id: string, text: string) {
    const { publicKey } = await t.core.keysets.status(id);
    const secret = (await t.core.secrets.pepperOf(id)).toString('base64url');
    return createVerifier({ keyset: text, publicKey, secret, now: () => clock.now().getTime() });
  }

  it('lists live keys by digest and revoked ones by id only; a service accepts and refuses as Keyhaven does', async () => {
    const live = await t.core.issuing.generate(generateInput(appId, { name: 'Live' }));
    const gone = await t.core.issuing.generate(generateInput(appId, { name: 'Gone' }));
    await t.core.issuing.revoke(gone.key.id);
    const text = await t.core.keysets.export(appId);
    const keyset = JSON.parse(text) as Keyset;
    expect(keyset).toMatchObject({ format: 'keyhaven-keyset', version: 1, app: { id: appId, prefix: 'pyas' } });
    expect(keyset.keys.map((k) => k.keyId)).toEqual([live.key.keyId]);
    expect(keyset.revoked).toEqual([{ keyId: gone.key.keyId, revokedAt: '2026-12-01T09:00:00.000Z' }]);
    // The digest is the hash Keyhaven stores; the plaintext is nowhere in the file.
    expect(text).not.toContain(live.plaintext);
    expect(Date.parse(keyset.validUntil) - Date.parse(keyset.issuedAt)).toBe(7 * DAY);

    const service = await serviceFor(appId, text);
    expect(await service.verify(`Bearer ${live.plaintext}`)).toMatchObject({ valid: true, code: 'VALID' });
    expect(await service.verify(gone.plaintext)).toMatchObject({ valid: false, code: 'REVOKED' });
    expect((await t.core.keys.verifyKey(gone.plaintext)).code).toBe('REVOKED');
  });

  it('gives every keyset a higher sequence, also when another process of the same folder makes one', async () => {
    const first = JSON.parse(await t.core.keysets.export(appId)) as Keyset;
    const other = await openCore({ dataDir: t.dataDir, keychain: t.keychain, version: 'test', clock });
    try {
      const second = JSON.parse(await other.keysets.export(appId)) as Keyset;
      const third = JSON.parse(await t.core.keysets.export(appId)) as Keyset;
      // At least the clock's milliseconds, and one more than the last: here the clock stands still.
      const start = clock.now().getTime();
      expect([first.sequence, second.sequence, third.sequence]).toEqual([start, start + 1, start + 2]);
      // Both processes sign with the one key in the keychain.
      expect(second.signature.value).not.toBe(first.signature.value);
      expect((await other.keysets.status(appId)).publicKey).toBe((await t.core.keysets.status(appId)).publicKey);
    } finally {
      await other.close();
    }
  });

  it('never reissues a sequence after the data folder goes back to an older copy', async () => {
    const seen = (JSON.parse(await t.core.keysets.export(appId)) as Keyset).sequence;
    // As a restored backup would: the app's stored sequence back at 0.
    await t.core.db.commit((data) => {
      const app = data.apps.find((a) => a.id === appId);
      if (!app) throw new Error('no app');
      return { ops: [{ type: 'app.patch', appId, patch: { keyset: { ...app.keyset, sequence: 0 } } }], result: null };
    });
    clock.advance(1_000);
    expect((JSON.parse(await t.core.keysets.export(appId)) as Keyset).sequence).toBeGreaterThan(seen);
  });

  it("one app's secret confirms none of another new app's keys", async () => {
    const other = await t.core.apps.create({ name: 'Billing' });
    const key = await t.core.issuing.generate(generateInput(other.id, { name: 'Billing key' }));
    const billingKeyset = await t.core.keysets.export(other.id);
    const { publicKey } = await t.core.keysets.status(other.id);
    const pyasSecret = (await t.core.secrets.pepperOf(appId)).toString('base64url');
    const wrong = await createVerifier({
      keyset: billingKeyset,
      publicKey,
      secret: pyasSecret,
      now: () => clock.now().getTime(),
    });
    expect(await wrong.verify(key.plaintext)).toMatchObject({ valid: false, code: 'NOT_FOUND' });
    expect((await t.core.keysets.status(other.id)).sharesSecretWith).toEqual([]);
    const right = await serviceFor(other.id, billingKeyset);
    expect(await right.verify(key.plaintext)).toMatchObject({ valid: true });
  });

  it('a rotated key works through its grace period, then is listed as revoked', async () => {
    const old = await t.core.issuing.generate(generateInput(appId, { name: 'Old' }));
    const rotated = await t.core.issuing.rotate(old.key.id, '24h');
    let keyset = JSON.parse(await t.core.keysets.export(appId)) as Keyset;
    expect(keyset.keys.find((k) => k.keyId === old.key.keyId)?.graceEndsAt).toBe('2026-12-02T09:00:00.000Z');
    expect(keyset.keys.find((k) => k.keyId === rotated.key.keyId)?.graceEndsAt).toBeNull();
    clock.advance(DAY + 1);
    keyset = JSON.parse(await t.core.keysets.export(appId)) as Keyset;
    expect(keyset.revoked).toEqual([{ keyId: old.key.keyId, revokedAt: '2026-12-02T09:00:00.000Z' }]);
    expect((await (await serviceFor(appId, JSON.stringify(keyset))).verify(old.plaintext)).code).toBe('REVOKED');
  });

  it('leaves out a key whose record was edited outside Keyhaven, whatever it says', async () => {
    const key = await t.core.issuing.generate(generateInput(appId, { name: 'Edited' }));
    const record = t.core.db.snapshot().keys.find((k) => k.id === key.key.id);
    if (!record) throw new Error('no record');
    // As a hand edit of the file would: the seal no longer covers the scopes.
    (record as { scopes: string[] }).scopes = ['admin:all'];
    const keyset = JSON.parse(await t.core.keysets.export(appId)) as Keyset;
    expect(keyset.keys).toEqual([]);
  });
});

describe('publishing a keyset to a folder', () => {
  let t: TestCore;
  let clock: ManualClock;
  let appId: string;
  let folder: string;
  beforeEach(async () => {
    clock = new ManualClock('2026-12-01T09:00:00.000Z');
    t = await openTestCore({ clock });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
    folder = join(t.dataDir, 'published');
    await mkdir(folder);
  });
  afterEach(() => t.dispose());

  const published = async () => JSON.parse(await readFile(join(folder, 'pyas.keyset.json'), 'utf8')) as Keyset;

  it('writes the file at once and rewrites it before generate, rotate and revoke return', async () => {
    const status = await t.core.keysets.configure({ appId, publishTo: folder, validDays: 3 });
    expect(status).toMatchObject({ publishTo: folder, validDays: 3, publishError: null });
    const first = status.sequence;
    expect((await published()).keys).toEqual([]);
    const key = await t.core.issuing.generate(generateInput(appId, { name: 'Production' }));
    expect((await published()).keys.map((k) => k.keyId)).toEqual([key.key.keyId]);
    await t.core.issuing.revoke(key.key.id);
    const after = await published();
    expect(after.revoked.map((k) => k.keyId)).toEqual([key.key.keyId]);
    expect(after.sequence).toBe(first + 2);
    expect(Date.parse(after.validUntil) - Date.parse(after.issuedAt)).toBe(3 * DAY);
    // Readable by a service running as another user: it holds no secret.
    expect((await stat(join(folder, 'pyas.keyset.json'))).mode & 0o777).toBe(0o644);
    expect(t.core.activity.list().map((r) => r.summary)).toContain(
      `Keyset of "Pyas": published to ${join(folder, 'pyas.keyset.json')}; valid for 3 days`,
    );
  });

  it('refuses a folder that does not exist, and keeps working, saying why, when the folder goes away', async () => {
    await expect(t.core.keysets.configure({ appId, publishTo: join(folder, 'nope') })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await t.core.keysets.configure({ appId, publishTo: folder });
    await rm(folder, { recursive: true });
    const key = await t.core.issuing.generate(generateInput(appId, { name: 'Still issued' }));
    expect(key.plaintext).toMatch(/^pyas_/);
    expect((await t.core.keysets.status(appId)).publishError).toBe(`The folder ${folder} does not exist.`);
    await mkdir(folder);
    await t.core.issuing.revoke(key.key.id);
    expect((await t.core.keysets.status(appId)).publishError).toBeNull();
    expect((await published()).revoked).toHaveLength(1);
  });

  it('signs again once half of the validity has passed, and not before', async () => {
    await t.core.keysets.configure({ appId, publishTo: folder, validDays: 2 });
    const first = await published();
    clock.advance(DAY - 1);
    await t.core.keysets.refreshDue();
    expect((await published()).sequence).toBe(first.sequence);
    clock.advance(1);
    await t.core.keysets.refreshDue();
    const renewed = await published();
    expect(renewed.sequence).toBeGreaterThan(first.sequence);
    expect(renewed.validUntil).toBe('2026-12-04T09:00:00.000Z');
  });

  it("the app's hourly check signs a published keyset again once it is due", async () => {
    await t.core.keysets.configure({ appId, publishTo: folder, validDays: 1 });
    clock.advance(DAY / 2);
    await t.platform.runTimers();
    await waitForSequence(clock.now().getTime());
  });

  /** The hourly check runs in the background: the file is read until it shows the sequence. */
  async function waitForSequence(sequence: number): Promise<void> {
    await expect.poll(async () => (await published()).sequence).toBe(sequence);
  }

  it('stops publishing when asked; the file left behind is not touched again', async () => {
    await t.core.keysets.configure({ appId, publishTo: folder });
    await t.core.keysets.configure({ appId, publishTo: null });
    await t.core.issuing.generate(generateInput(appId, { name: 'After' }));
    expect((await published()).keys).toEqual([]);
  });
});

describe('publishing order and app changes', () => {
  let t: TestCore;
  let appId: string;
  let folder: string;
  beforeEach(async () => {
    t = await openTestCore({ clock: new ManualClock('2026-12-01T09:00:00.000Z') });
    appId = (await t.core.apps.create({ name: 'Pyas' })).id;
    folder = join(t.dataDir, 'published');
    await mkdir(folder);
  });
  afterEach(() => t.dispose());

  const read = async (name = 'pyas.keyset.json') => JSON.parse(await readFile(join(folder, name), 'utf8')) as Keyset;

  it('never replaces a newer published keyset with an older one, however the writes interleave', async () => {
    await t.core.keysets.configure({ appId, publishTo: folder });
    const keys = await Promise.all(
      ['One', 'Two', 'Three'].map((name) => t.core.issuing.generate(generateInput(appId, { name }))),
    );
    await Promise.all(keys.map((key) => t.core.issuing.revoke(key.key.id)));
    const last = await read();
    expect(last.revoked.map((k) => k.keyId).sort()).toEqual(keys.map((k) => k.key.keyId).sort());
    expect(last.sequence).toBe(t.core.apps.get(appId).keyset.sequence);
  });

  it("keeps the file's name and verifies old keys after the app's prefix changes, and republishes the new name", async () => {
    await t.core.keysets.configure({ appId, publishTo: folder });
    const old = await t.core.issuing.generate(generateInput(appId, { name: 'Before' }));
    await t.core.apps.update({ appId, keyPrefix: 'pyas2', name: 'Pyas API' });
    const keyset = await read();
    expect(keyset.app).toMatchObject({ name: 'Pyas API', prefix: 'pyas2' });
    const service = await createVerifier({
      keyset,
      publicKey: (await t.core.keysets.status(appId)).publicKey,
      secret: (await t.core.secrets.pepperOf(appId)).toString('base64url'),
    });
    expect(await service.verify(old.plaintext)).toMatchObject({ valid: true });
    expect((await t.core.keysets.status(appId)).fileName).toBe('pyas.keyset.json');
  });
});
