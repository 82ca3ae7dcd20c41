import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyDataDir, resolveDataDir } from '../../electron/main/data-dir';
import { electron, electronModule } from './support/electron-stub';

const DEFAULT = '/home/ada/.config/Keyhaven';
const CWD = '/work/here';

describe('resolveDataDir', () => {
  it('uses --data-dir=DIR', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir=/tmp/kh'], {}, DEFAULT, CWD)).toEqual({
      dir: '/tmp/kh',
      source: 'argument',
    });
  });

  it('uses --data-dir DIR', () => {
    expect(resolveDataDir(['electron', '.', '--data-dir', '/tmp/kh2'], {}, DEFAULT, CWD).dir).toBe('/tmp/kh2');
  });

  it('prefers the argument over KEYHAVEN_DATA_DIR, and the last argument over earlier ones', () => {
    const env = { KEYHAVEN_DATA_DIR: '/from/env' };
    expect(resolveDataDir(['--data-dir=/first', '--data-dir', '/second'], env, DEFAULT, CWD)).toEqual({
      dir: '/second',
      source: 'argument',
    });
  });

  it('falls back to KEYHAVEN_DATA_DIR, then to the default', () => {
    expect(resolveDataDir([], { KEYHAVEN_DATA_DIR: '/from/env' }, DEFAULT, CWD)).toEqual({
      dir: '/from/env',
      source: 'environment',
    });
    expect(resolveDataDir([], {}, DEFAULT, CWD)).toEqual({ dir: DEFAULT, source: 'default' });
    // An empty variable is as good as unset.
    expect(resolveDataDir([], { KEYHAVEN_DATA_DIR: '' }, DEFAULT, CWD).source).toBe('default');
  });

  it('resolves relative paths against the working directory and normalises them', () => {
    expect(resolveDataDir(['--data-dir=data'], {}, DEFAULT, CWD).dir).toBe('/work/here/data');
    expect(resolveDataDir([], { KEYHAVEN_DATA_DIR: '../env-data' }, DEFAULT, CWD).dir).toBe('/work/env-data');
    expect(resolveDataDir(['--data-dir=/a/b/../c/'], {}, DEFAULT, CWD).dir).toBe('/a/c');
  });

  it('refuses a missing or empty value instead of using the current directory', () => {
    expect(() => resolveDataDir(['--data-dir'], {}, DEFAULT, CWD)).toThrow(/--data-dir needs a folder/);
    expect(() => resolveDataDir(['--data-dir='], {}, DEFAULT, CWD)).toThrow(/--data-dir needs a folder/);
    expect(() => resolveDataDir(['--data-dir', '--inspect'], {}, DEFAULT, CWD)).toThrow(/needs a folder/);
  });

  it('ignores arguments after --', () => {
    expect(resolveDataDir(['--', '--data-dir=/not/ours'], {}, DEFAULT, CWD).source).toBe('default');
  });
});

describe('applyDataDir', () => {
  let scratch: string;
  beforeEach(async () => {
    electron.reset();
    scratch = await mkdtemp(join(tmpdir(), 'keyhaven-datadir-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  const app = () => electronModule.app as unknown as Parameters<typeof applyDataDir>[0];

  it('moves userData to an overridden folder, creating it first', async () => {
    const dir = join(scratch, 'nested', 'data');
    expect(applyDataDir(app(), ['electron', '.', `--data-dir=${dir}`], {})).toBe(dir);
    expect(electron.app.getPath('userData')).toBe(dir);
    expect((await stat(dir)).isDirectory()).toBe(true);
  });

  it('leaves userData alone when nothing overrides it', () => {
    expect(applyDataDir(app(), ['electron', '.'], {})).toBe(resolve('/fake/userData'));
    expect(electron.app.getPath('userData')).toBe('/fake/userData');
  });
});
