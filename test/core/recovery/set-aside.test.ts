import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { restoreFromBackup, startEmpty } from '../../../electron/core/recovery/set-aside';
import { acquireFileLock } from '../../../electron/core/storage';
import { makeTempDir } from '../../support/temp-dir';

const NOW = new Date('2026-12-03T09:14:05Z');

describe('setting a damaged file aside', () => {
  it('never replaces an earlier set-aside file, and moves a journal only when it holds something', async () => {
    const dir = await makeTempDir('keyhaven-aside');
    const file = join(dir.path, 'vaults.json');
    await writeFile(`${file}.damaged-20261203-091405`, 'an earlier damaged copy');
    await writeFile(file, 'damaged');
    await writeFile(`${file}.journal`, '');
    expect(await startEmpty(file, NOW)).toEqual([`${file}.damaged-20261203-091405-2`]);
    expect(await readFile(`${file}.damaged-20261203-091405`, 'utf8')).toBe('an earlier damaged copy');
    expect(await readFile(`${file}.damaged-20261203-091405-2`, 'utf8')).toBe('damaged');
    expect((await readdir(dir.path)).sort()).toEqual(
      ['vaults.json.damaged-20261203-091405', 'vaults.json.damaged-20261203-091405-2', 'vaults.json.journal'].sort(),
    );

    await writeFile(file, 'damaged again');
    await writeFile(`${file}.journal`, '{"seq":1}\n');
    await writeFile(`${file}.bak`, '{"good":true}');
    const kept = await restoreFromBackup(file, `${file}.bak`, new Date('2026-12-03T10:00:00Z'));
    expect(kept).toEqual([`${file}.damaged-20261203-100000`, `${file}.journal.damaged-20261203-100000`]);
    expect(await readFile(file, 'utf8')).toBe('{"good":true}');
    expect(await readFile(`${file}.bak`, 'utf8')).toBe('{"good":true}');
    await dir.remove();
  });

  it('waits for the file lock, so another process never sees the folder halfway', async () => {
    const dir = await makeTempDir('keyhaven-aside');
    const file = join(dir.path, 'console.json');
    await writeFile(file, 'damaged');
    const release = await acquireFileLock(file, { timeoutMs: 1000 });
    let done = false;
    const running = startEmpty(file, NOW).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(done).toBe(false);
    expect(await readFile(file, 'utf8')).toBe('damaged');
    await release();
    await running;
    expect(done).toBe(true);
    await dir.remove();
  });
});
