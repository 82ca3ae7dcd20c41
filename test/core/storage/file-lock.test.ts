import { spawn } from 'node:child_process';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { acquireFileLock } from '../../../electron/core/storage/file-lock';
import { StorageError } from '../../../electron/core/storage/storage-error';
import { deadPid } from './dead-pid';
import { useTempDir } from './temp-dir';

const temp = useTempDir();

describe('acquireFileLock', () => {
  it('makes a second acquirer wait until the first releases', async () => {
    const file = join(temp.dir(), 'data.json');
    const release1 = await acquireFileLock(file, { timeoutMs: 5_000 });
    let second = false;
    const pending = acquireFileLock(file, { timeoutMs: 5_000 }).then((release) => {
      second = true;
      return release;
    });
    await sleep(60); // long enough for many polls: it must still be waiting
    expect(second).toBe(false);
    await release1();
    const release2 = await pending;
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await release2();
    expect(await readdir(temp.dir())).toEqual([]);
  });

  it('never lets two holders overlap', async () => {
    const file = join(temp.dir(), 'data.json');
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        const release = await acquireFileLock(file, { timeoutMs: 10_000 });
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        await sleep(1);
        inside -= 1;
        await release();
      }),
    );
    expect(maxInside).toBe(1);
  });

  it('takes over at once a lock left by a process that died', async () => {
    const file = join(temp.dir(), 'data.json');
    const pid = await deadPid();
    await writeFile(`${file}.lock`, JSON.stringify({ pid, createdAt: Date.now(), token: 'dead' }));
    const release = await acquireFileLock(file, { timeoutMs: 1_000 }); // a live holder would time out
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: process.pid });
    await release();
  });

  it('lets racing acquirers break one stale lock without ever holding it together', async () => {
    const file = join(temp.dir(), 'data.json');
    await writeFile(`${file}.lock`, JSON.stringify({ pid: await deadPid(), createdAt: Date.now(), token: 'dead' }));
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        const release = await acquireFileLock(file, { timeoutMs: 10_000 });
        inside += 1;
        maxInside = Math.max(maxInside, inside);
        await sleep(1);
        inside -= 1;
        await release();
      }),
    );
    expect(maxInside).toBe(1);
    expect(await readdir(temp.dir())).toEqual([]);
  });

  it('takes over an unreadable lock only once it is older than 30 s', async () => {
    const file = join(temp.dir(), 'data.json');
    await writeFile(`${file}.lock`, '');
    const fresh = await acquireFileLock(file, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect((fresh as StorageError).code).toBe('LOCK_TIMEOUT');
    const old = new Date(Date.now() - 60_000);
    await utimes(`${file}.lock`, old, old);
    const release = await acquireFileLock(file, { timeoutMs: 1_000 });
    await release();
  });

  it('times out with LOCK_TIMEOUT while a live process holds the lock, and leaves its lock alone', async () => {
    const file = join(temp.dir(), 'data.json');
    const holder = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      const content = JSON.stringify({ pid: holder.pid, createdAt: Date.now(), token: 'live' });
      await writeFile(`${file}.lock`, content);
      const error: unknown = await acquireFileLock(file, { timeoutMs: 200 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageError);
      const storageError = error as StorageError;
      expect(storageError.code).toBe('LOCK_TIMEOUT');
      expect(storageError.file).toBe(file);
      expect(storageError.message).toContain(`pid ${holder.pid}`);
      expect(storageError.message).toContain(`delete ${file}.lock`);
      expect(await readFile(`${file}.lock`, 'utf8')).toBe(content);
      expect(await readdir(temp.dir())).toEqual(['data.json.lock']); // its waiting marker is cleaned up
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('release removes the lock only while it is still ours', async () => {
    const file = join(temp.dir(), 'data.json');
    const release = await acquireFileLock(file, { timeoutMs: 1_000 });
    const foreign = JSON.stringify({ pid: process.pid, createdAt: Date.now(), token: 'someone-else' });
    await writeFile(`${file}.lock`, foreign);
    await release();
    expect(await readFile(`${file}.lock`, 'utf8')).toBe(foreign);
  });
});
