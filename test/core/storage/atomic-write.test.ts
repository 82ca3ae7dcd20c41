import { link, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../electron/core/storage/atomic-write';
import { useTempDir } from './temp-dir';

const temp = useTempDir();

describe('writeFileDurably', () => {
  it('leaves no temp file when a killed writer left .bak and the file as one inode', async () => {
    const file = join(temp.dir(), 'data.json');
    await writeFile(file, 'old');
    await link(file, `${file}.bak`); // the state between keeping the backup and renaming the new version in
    await writeFileDurably(file, 'new', { keepBackup: true });
    expect((await readdir(temp.dir())).sort()).toEqual(['data.json', 'data.json.bak']);
    expect(await readFile(file, 'utf8')).toBe('new');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('old');
    expect((await stat(file)).ino).not.toBe((await stat(`${file}.bak`)).ino);
  });
});
