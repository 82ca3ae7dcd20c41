import { describe, expect, it } from 'vitest';
import { RecoverablePart } from '../../../electron/core/recovery/recoverable-part';
import { PartUnavailableError } from '../../../electron/core/recovery/data-problem';
import { StorageError } from '../../../electron/core/storage';
import { makeTempDir } from '../../support/temp-dir';

describe('a recoverable part', () => {
  it('answers with the problem while closed, and opens on a retry once the disk cooperates', async () => {
    const dir = await makeTempDir('keyhaven-part');
    let attempts = 0;
    const closed: string[] = [];
    const part = await RecoverablePart.open({
      part: 'console',
      dataDir: dir.path,
      open: async () => {
        attempts += 1;
        if (attempts === 1)
          throw StorageError.io(`${dir.path}/console.json`, 'read', Object.assign(new Error('x'), { code: 'EIO' }));
        return 'the console';
      },
      close: async (value: string) => void closed.push(value),
      now: () => new Date(),
    });
    expect(part.current()).toBeNull();
    expect(part.problem()).toMatchObject({ kind: 'io', actions: ['retry'], backup: null });
    expect(part.problem()?.summary).toBe('Keyhaven could not read console.json (EIO: the disk reported an error).');
    expect(() => part.get()).toThrow(PartUnavailableError);
    expect(() => part.get()).toThrow(expect.objectContaining({ code: 'STORAGE_IO' }));

    expect(await part.retry()).toEqual([]);
    expect(part.get()).toBe('the console');
    expect(part.problem()).toBeNull();
    await part.close();
    expect(closed).toEqual(['the console']);
    expect(() => part.get()).toThrow(/closing/);
    await dir.remove();
  });

  it('lets any other failure through: only storage problems make a part unavailable', async () => {
    const dir = await makeTempDir('keyhaven-part');
    await expect(
      RecoverablePart.open({
        part: 'vaults',
        dataDir: dir.path,
        open: async () => {
          throw new TypeError('a bug');
        },
        close: async () => undefined,
        now: () => new Date(),
      }),
    ).rejects.toThrow(TypeError);
    await dir.remove();
  });
});
