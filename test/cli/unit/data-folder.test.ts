import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseDataFolder, PRODUCT_NAME } from '../../../electron/cli/data-folder';

const HOME = '/home/ada';
const CWD = '/work/project';

describe('chooseDataFolder', () => {
  it('is named after the product Electron derives userData from', () => {
    expect(PRODUCT_NAME).toBe('Keyhaven');
  });

  it('linux: $XDG_CONFIG_HOME/Keyhaven when it is set', () => {
    expect(chooseDataFolder(undefined, { XDG_CONFIG_HOME: '/xdg/conf' }, 'linux', HOME, CWD)).toEqual({
      dir: join('/xdg/conf', 'Keyhaven'),
      source: 'default',
    });
  });

  it('linux: ~/.config/Keyhaven when XDG_CONFIG_HOME is unset, empty or relative', () => {
    const expected = { dir: join(HOME, '.config', 'Keyhaven'), source: 'default' };
    expect(chooseDataFolder(undefined, {}, 'linux', HOME, CWD)).toEqual(expected);
    expect(chooseDataFolder(undefined, { XDG_CONFIG_HOME: '' }, 'linux', HOME, CWD)).toEqual(expected);
    expect(chooseDataFolder(undefined, { XDG_CONFIG_HOME: 'conf' }, 'linux', HOME, CWD)).toEqual(expected);
  });

  it('other unix platforms follow the linux rule', () => {
    expect(chooseDataFolder(undefined, { XDG_CONFIG_HOME: '/x' }, 'freebsd', HOME, CWD).dir).toBe(
      join('/x', 'Keyhaven'),
    );
  });

  it('darwin: ~/Library/Application Support/Keyhaven, whatever XDG_CONFIG_HOME says', () => {
    expect(chooseDataFolder(undefined, { XDG_CONFIG_HOME: '/xdg/conf' }, 'darwin', HOME, CWD)).toEqual({
      dir: join(HOME, 'Library', 'Application Support', 'Keyhaven'),
      source: 'default',
    });
  });

  it('win32: %APPDATA%\\Keyhaven, or ~/AppData/Roaming/Keyhaven without APPDATA', () => {
    const appData = 'C:\\Users\\ada\\AppData\\Roaming';
    expect(chooseDataFolder(undefined, { APPDATA: appData }, 'win32', HOME, CWD).dir).toBe(join(appData, 'Keyhaven'));
    expect(chooseDataFolder(undefined, {}, 'win32', HOME, CWD).dir).toBe(join(HOME, 'AppData', 'Roaming', 'Keyhaven'));
  });

  it('KEYHAVEN_DATA_DIR wins over the platform default', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(
        chooseDataFolder(
          undefined,
          { KEYHAVEN_DATA_DIR: '/data/kh', XDG_CONFIG_HOME: '/x', APPDATA: '/a' },
          platform,
          HOME,
          CWD,
        ),
      ).toEqual({ dir: resolve('/data/kh'), source: 'environment' });
    }
  });

  it('an empty KEYHAVEN_DATA_DIR counts as unset', () => {
    expect(chooseDataFolder(undefined, { KEYHAVEN_DATA_DIR: '' }, 'linux', HOME, CWD).source).toBe('default');
  });

  it('--data-dir wins over KEYHAVEN_DATA_DIR and the default', () => {
    expect(chooseDataFolder('/flag/dir', { KEYHAVEN_DATA_DIR: '/env/dir' }, 'linux', HOME, CWD)).toEqual({
      dir: resolve('/flag/dir'),
      source: 'argument',
    });
  });

  it('relative folders (flag or environment) are resolved against the working folder', () => {
    expect(chooseDataFolder('data', {}, 'linux', HOME, CWD)).toEqual({ dir: resolve(CWD, 'data'), source: 'argument' });
    expect(chooseDataFolder('./a/../b', {}, 'linux', HOME, CWD).dir).toBe(resolve(CWD, 'b'));
    expect(chooseDataFolder(undefined, { KEYHAVEN_DATA_DIR: '../kh' }, 'linux', HOME, CWD)).toEqual({
      dir: resolve(CWD, '..', 'kh'),
      source: 'environment',
    });
  });

  it('absolute folders are normalised but not moved under the working folder', () => {
    expect(chooseDataFolder('/data//kh/./x/..', {}, 'linux', HOME, CWD).dir).toBe(resolve('/data/kh'));
  });
});
