// The canary's own checks: its search finds a planted secret, and its write capture sees the core's writes.
import { randomBytes } from 'node:crypto';
import type * as FsPromises from 'node:fs/promises';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from '../../../electron/core/api/handlers';
import { hostOf } from '../../../electron/core/core-host';
import { createInProcessApi } from '../../support/in-process-api';
import { MemoryKeychain } from '../../support/memory-keychain';
import { MemoryPlatform } from '../../support/memory-platform';
import { makeTempDir } from '../../support/temp-dir';
import { cleanups, cleanUpAfterEach, openTracked, search, value } from './canary-fixture';
import { written } from './canary-write-capture';

vi.mock('node:fs/promises', async (importOriginal) =>
  (await import('./canary-write-capture')).capturingWrites(await importOriginal<typeof FsPromises>()),
);

cleanUpAfterEach();

describe('the canary: no secret in clear anywhere', () => {
  it('positive control: the same search finds a secret in clear, base64 at any alignment, base64url and hex', async () => {
    const dir = await makeTempDir('keyhaven-canary-control');
    cleanups.push(dir.remove);
    const secret = `cnry_control_${randomBytes(6).toString('hex')}_Qx`;
    const secrets = { control: secret };
    const nothing = { dirs: [dir.path], texts: {}, blobs: {} };
    expect(await search(secrets, nothing)).toEqual([]);

    await mkdir(join(dir.path, 'backups'));
    await writeFile(join(dir.path, 'backups', 'vaults-20261123-100000.json'), `{"x":"${secret}"}`);
    expect(await search(secrets, nothing)).toEqual([
      `control in ${join(dir.path, 'backups', 'vaults-20261123-100000.json')}`,
    ]);
    for (const [name, encoded] of [
      ['vaults.json.journal', Buffer.from(`a${secret}`).toString('base64')],
      ['vaults.json.bak', Buffer.from(`ab${secret}`).toString('base64')],
      ['vaults.json.123.abc.tmp', Buffer.from(`abc${secret}`).toString('base64url')],
      ['activity.log', Buffer.from(secret).toString('hex')],
    ] as const) {
      await writeFile(join(dir.path, name), `prefix ${encoded} suffix`);
      expect(
        (await search(secrets, nothing)).some((hit) => hit.endsWith(name)),
        name,
      ).toBe(true);
    }
    expect(await search(secrets, { dirs: [], texts: { logged: ['ok', `oops ${secret}`] }, blobs: {} })).toEqual([
      'control in logged',
    ]);
    expect(
      await search(secrets, { dirs: [], texts: {}, blobs: { written: [Buffer.from(`zz${secret}`).subarray(1)] } }),
    ).toEqual(['control in written[0]']);
    // A near miss is not a hit: one character changed.
    expect(await search(secrets, { dirs: [], texts: { logged: [secret.slice(0, -1)] }, blobs: {} })).toEqual([]);
  });

  it('the write capture sees what the core writes (a pasted name lands in the journal)', async () => {
    written.chunks.length = 0;
    const dir = await makeTempDir('keyhaven-canary-capture');
    cleanups.push(dir.remove);
    const opened = await openTracked(dir.path, new MemoryKeychain(), new MemoryPlatform(), []);
    const marker = `visible-name-${randomBytes(4).toString('hex')}`;
    const api = createInProcessApi(createHandlers(hostOf(opened.core)));
    const vault = value(await api.vaults.list())[0]!;
    value(await api.entries.add({ vaultId: vault.id, name: marker, secret: 'whatever' }));
    expect(written.chunks.some((chunk) => chunk.includes(Buffer.from(marker)))).toBe(true);
    await opened.close();
  });
});
