import { mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeSecretFile } from '../../../electron/cli/inject/secret-file';
import { makeTempDir } from '../../support/temp-dir';

let dir: Awaited<ReturnType<typeof makeTempDir>>;
let previousUmask: number;
beforeEach(async () => {
  dir = await makeTempDir('keyhaven-secret-file');
  // The widest umask there is: whatever the mode ends up as, the umask did not take anything away.
  previousUmask = process.umask(0);
});
afterEach(async () => {
  process.umask(previousUmask);
  await dir.remove();
});

const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777;

describe('writeSecretFile', () => {
  it('creates the file readable by its owner only', async () => {
    const path = join(dir.path, 'app.env');
    await writeSecretFile(path, 'TOKEN=s3cret\n', { force: false });
    expect(await readFile(path, 'utf8')).toBe('TOKEN=s3cret\n');
    expect(await modeOf(path)).toBe(0o600);
  });

  it('refuses to replace an existing file without force and leaves it as it was', async () => {
    const path = join(dir.path, 'app.env');
    await writeFile(path, 'old', { mode: 0o644 });
    await expect(writeSecretFile(path, 'new', { force: false })).rejects.toMatchObject({
      kind: 'CONFLICT',
      message: `${path} already exists; add --force to replace it.`,
    });
    expect(await readFile(path, 'utf8')).toBe('old');
  });

  it('does not write through a symlink planted at the path', async () => {
    const elsewhere = join(dir.path, 'elsewhere');
    const path = join(dir.path, 'app.env');
    await symlink(elsewhere, path);
    await expect(writeSecretFile(path, 'new', { force: false })).rejects.toMatchObject({ kind: 'CONFLICT' });
    await expect(stat(elsewhere)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('with force replaces a wider file by a 0600 one and leaves no temporary file', async () => {
    const path = join(dir.path, 'app.env');
    await writeFile(path, 'old', { mode: 0o644 });
    expect(await modeOf(path)).toBe(0o644);
    await writeSecretFile(path, 'new', { force: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await modeOf(path)).toBe(0o600);
    expect(await readdir(dir.path)).toEqual(['app.env']);
  });

  it('with force also creates a file that does not exist yet', async () => {
    const path = join(dir.path, 'fresh.env');
    await writeSecretFile(path, 'new', { force: true });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await modeOf(path)).toBe(0o600);
  });

  it('reports a folder that does not exist in one line naming the path', async () => {
    const path = join(dir.path, 'missing', 'app.env');
    for (const force of [false, true]) {
      await expect(writeSecretFile(path, 'TOKEN=s3cret', { force })).rejects.toMatchObject({
        kind: 'USAGE',
        message: `cannot write ${path}: ENOENT`,
      });
    }
  });

  it('with force leaves no temporary file behind when the rename fails', async () => {
    // A file cannot be renamed over a folder: the temporary file is written, then the rename fails.
    const path = join(dir.path, 'a-folder');
    await mkdir(path);
    await expect(writeSecretFile(path, 'new', { force: true })).rejects.toMatchObject({
      kind: 'USAGE',
      message: `cannot write ${path}: EISDIR`,
    });
    expect(await readdir(dir.path)).toEqual(['a-folder']);
  });
});
