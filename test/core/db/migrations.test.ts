import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../electron/core/core';
import { createKeyHasher } from '../../../electron/core/keys/key-hasher';
import { formatKey } from '../../../electron/core/keys/key-format';
import { pepperAccount } from '../../../electron/core/keys/pepper';
import { createVerifier } from '../../../shared/verify/index';
import { MemoryKeychain } from '../../support/memory-keychain';
import { makeTempDir } from '../../support/temp-dir';
import { decodeDocument } from '../../../electron/core/storage/document-text';

const APP = '11111111-1111-4111-8111-111111111111';
const KEY = '22222222-2222-4222-8222-222222222222';
const INSTALLATION = '33333333-3333-4333-8333-333333333333';

describe('migrating older data folders', () => {
  let dir: { path: string; remove: () => Promise<void> };
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.remove());

  it('keeps apps and keys, carries activity into the chained log, and keys still verify', async () => {
    const keychain = new MemoryKeychain();
    const pepper = Buffer.alloc(32, 7);
    await keychain.set(pepperAccount(INSTALLATION), pepper.toString('base64'));
    const plaintext = formatKey('pyas', 'n58lZyBi');
    const v1 = {
      schemaVersion: 1,
      installationId: INSTALLATION,
      apps: [
        {
          id: APP,
          name: 'Pyas',
          description: '',
          keyPrefix: 'pyas',
          scopes: [],
          createdAt: '2026-11-20T10:00:00.000Z',
        },
      ],
      keys: [
        {
          id: KEY,
          appId: APP,
          name: 'Production',
          keyId: 'n58lZyBi',
          hash: createKeyHasher(pepper).hash(plaintext),
          hashVersion: 1,
          scopes: [],
          createdAt: '2026-11-20T10:00:00.000Z',
          expiresAt: null,
          revokedAt: null,
          lastUsedAt: null,
          useCount: 0,
          replacesId: null,
          replacedById: null,
          graceEndsAt: null,
        },
      ],
      activity: [
        {
          id: '44444444-4444-4444-8444-444444444444',
          at: '2026-11-20T10:00:00.000Z',
          type: 'app.created',
          appId: APP,
          issuedKeyId: null,
          summary: 'App "Pyas" created',
        },
        {
          id: '55555555-5555-4555-8555-555555555555',
          at: '2026-11-20T10:01:00.000Z',
          type: 'key.generated',
          appId: APP,
          issuedKeyId: KEY,
          summary: 'API key generated',
        },
      ],
    };
    await writeFile(join(dir.path, 'keyhaven.json'), JSON.stringify(v1));
    const core = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    try {
      expect(core.keys.list(APP)).toMatchObject([{ id: KEY, keyPrefix: 'pyas', expiration: { kind: 'never' } }]);
      expect(core.activity.list().map((r) => [r.seq, r.type, r.at])).toEqual([
        [2, 'key.generated', '2026-11-20T10:01:00.000Z'],
        [1, 'app.created', '2026-11-20T10:00:00.000Z'],
      ]);
      expect((await core.activity.check()).intact).toBe(true);
      expect((await core.keys.verifyKey(plaintext)).code).toBe('VALID');
      // Its keyset carries the stored hash; the folder's pepper is the secret a service holds for it.
      expect((await core.secrets.pepperOf(APP)).equals(pepper)).toBe(true);
      const service = await createVerifier({
        keyset: await core.keysets.export(APP),
        publicKey: (await core.keysets.status(APP)).publicKey,
        secret: pepper.toString('base64url'),
      });
      expect(await service.verify(plaintext)).toMatchObject({ valid: true, code: 'VALID' });
      const backup = decodeDocument(await readFile(join(dir.path, 'keyhaven.json.v1.bak'), 'utf8')) as {
        schemaVersion: number;
      };
      expect(backup.schemaVersion).toBe(1);
    } finally {
      await core.close();
    }
    const migrated = decodeDocument(await readFile(join(dir.path, 'keyhaven.json'), 'utf8')) as Record<string, unknown>;
    expect(migrated['schemaVersion']).toBe(6);
    // Apps from before per-app secrets keep the folder's pepper: their keys verified above, unrotated.
    // They send their keys as Bearer: the scheme Save in vault gave them until apps had one.
    expect(migrated['apps']).toMatchObject([
      { id: APP, keyHashing: 'folder', keyset: { publishTo: null }, headerScheme: 'bearer' },
    ]);
    // The carried-over records became the chain's committed head, and the export's record follows them.
    expect(migrated['activity']).toMatchObject({ head: { seq: 3 } });
  });

  it('gives the apps of a version 4 folder the Bearer scheme, keeps a backup, and their keys verify as before', async () => {
    const keychain = new MemoryKeychain();
    const first = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    const app = await first.apps.create({ name: 'Extracta' });
    const generated = await first.keys.generate({
      appId: app.id,
      name: 'Production',
      expiration: { kind: 'never' },
      scopes: [],
    });
    await first.close();
    // What version 4 left: the same data without the apps' header scheme.
    const file = join(dir.path, 'keyhaven.json');
    const current = decodeDocument(await readFile(file, 'utf8')) as {
      apps: Record<string, unknown>[];
      keys: Record<string, unknown>[];
    };
    // (nor what version 6 added: notes, disabled and archived marks)
    const v4Apps = current.apps.map(({ headerScheme: _scheme, archivedAt: _archivedAt, ...rest }) => rest);
    const v4Keys = current.keys.map(({ note: _note, disabledAt: _disabledAt, ...rest }) => rest);
    await writeFile(file, JSON.stringify({ ...current, apps: v4Apps, keys: v4Keys, schemaVersion: 4 }));
    const core = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    try {
      expect(core.apps.get(app.id).headerScheme).toBe('bearer');
      expect((await core.keys.verify(`Bearer ${generated.plaintext}`, 'bearer')).code).toBe('VALID');
      const backup = decodeDocument(await readFile(join(dir.path, 'keyhaven.json.v4.bak'), 'utf8')) as {
        schemaVersion: number;
      };
      expect(backup.schemaVersion).toBe(4);
    } finally {
      await core.close();
    }
  });

  it('anchors a version 2 folder to its activity log as found, and the chain then continues from it', async () => {
    const keychain = new MemoryKeychain();
    const first = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    const app = await first.apps.create({ name: 'Pyas' });
    await first.apps.update({ appId: app.id, description: 'payments' });
    await first.close();
    // What version 2 left: the same data without the activity head, and activity.jsonl beside it.
    const file = join(dir.path, 'keyhaven.json');
    const current = decodeDocument(await readFile(file, 'utf8')) as Record<string, unknown>;
    const { activity: _activity, ...v2 } = current;
    await writeFile(file, JSON.stringify({ ...v2, schemaVersion: 2 }));
    const core = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    try {
      expect(await core.activity.check()).toMatchObject({ intact: true, count: 2 });
      await core.apps.update({ appId: app.id, description: 'billing' });
      expect(core.activity.list().map((r) => r.seq)).toEqual([3, 2, 1]);
      expect(await core.activity.check()).toMatchObject({ intact: true, count: 3 });
      // From now on the head holds: a log cut back to what it was at the upgrade is caught.
      const lines = (await readFile(join(dir.path, 'activity.jsonl'), 'utf8')).split('\n');
      await writeFile(join(dir.path, 'activity.jsonl'), `${lines.slice(0, 2).join('\n')}\n`);
      expect(await core.activity.check()).toMatchObject({ intact: false, brokenAtSeq: 3 });
    } finally {
      await core.close();
    }
  });

  it('gives a version 5 folder notes, disabled and archived marks; sealed keys still verify, and can be disabled', async () => {
    const keychain = new MemoryKeychain();
    const first = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    const app = await first.apps.create({ name: 'Pyas' });
    const issued = await first.issuing.generate({
      appId: app.id,
      name: 'Production',
      expiration: { kind: 'never' },
      scopes: ['read:items'],
    });
    await first.close();
    // What version 5 left: keys without a note or disabled mark, apps without an archived mark.
    const file = join(dir.path, 'keyhaven.json');
    const current = decodeDocument(await readFile(file, 'utf8')) as {
      apps: Record<string, unknown>[];
      keys: Record<string, unknown>[];
    };
    const v5 = {
      ...current,
      schemaVersion: 5,
      apps: current.apps.map(({ archivedAt: _archivedAt, ...rest }) => rest),
      keys: current.keys.map(({ note: _note, disabledAt: _disabledAt, ...rest }) => rest),
    };
    await writeFile(file, JSON.stringify(v5));
    const core = await openCore({ dataDir: dir.path, keychain, version: 'test' });
    try {
      expect(core.issuing.list(app.id)).toMatchObject([{ note: '', disabledAt: null, status: 'active' }]);
      expect(core.apps.get(app.id).archivedAt).toBeNull();
      expect((await core.keys.verifyKey(issued.plaintext)).code).toBe('VALID');
      await core.issuing.disable(issued.key.id);
      expect((await core.keys.verifyKey(issued.plaintext)).code).toBe('DISABLED');
    } finally {
      await core.close();
    }
    const backup = decodeDocument(await readFile(join(dir.path, 'keyhaven.json.v5.bak'), 'utf8')) as {
      schemaVersion: number;
    };
    expect(backup.schemaVersion).toBe(5);
  });
});
