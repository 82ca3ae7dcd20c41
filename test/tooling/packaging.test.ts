/**
 * `npm run dist` as far as this machine allows (issue 9): electron-builder's --dir target for Linux
 * with the real configuration, over a stand-in Electron folder. What goes into app.asar and what never
 * does, keytar's native module beside the archive, and the fuses flipped in the executable. Installers
 * (deb, rpm, AppImage, dmg, NSIS), signing and notarization need tools and machines this one has not:
 * the README says how a maintainer checks those.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronPackage } from '../../electron/tooling/electron-binary';
import { makeTempDir } from '../support/temp-dir';
import { makeStandInElectronDist } from './support/electron-dist';
import { REPO_ROOT } from './support/repo-root';

describe('npm run dist: the packaged app (Linux --dir with a stand-in Electron)', () => {
  let temp: { path: string; remove: () => Promise<void> };
  let appDir: string;
  let asar: string;
  let files: string[];
  let output: string;

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'out/cli/keyhaven.js'))) throw new Error('out/ is missing: npm test builds first.');
    temp = await makeTempDir('keyhaven-dist');
    const dist = makeStandInElectronDist(join(temp.path, 'electron-dist'), findElectronPackage(REPO_ROOT).version);
    const run = await promisify(execFile)(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules/electron-builder/cli.js'),
        '--dir',
        '--linux',
        '--config',
        'electron-builder.config.ts',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${join(temp.path, 'dist')}`,
      ],
      { cwd: REPO_ROOT, env: { ...process.env, CSC_LINK: '', WIN_CSC_LINK: '' }, timeout: 120_000 },
    );
    output = run.stdout + run.stderr;
    appDir = join(temp.path, 'dist', 'linux-unpacked');
    asar = join(appDir, 'resources', 'app.asar');
    files = listPackage(asar, { isPack: false });
  }, 150_000);
  afterAll(() => temp?.remove());

  it('holds the built main, preload and renderer, and a package.json without scripts or dev dependencies', () => {
    for (const file of [
      '/out/main/index.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/out/renderer/icon.png',
      '/package.json',
    ]) {
      expect(files).toContain(file);
    }
    const manifest = JSON.parse(extractFile(asar, 'package.json').toString('utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: 'keyhaven', productName: 'Keyhaven', main: 'out/main/index.js' });
    expect(manifest.scripts).toBeUndefined();
    expect(manifest.devDependencies).toBeUndefined();
    // @usebruno/lang reads Bruno collections and yaml OpenAPI and Insomnia files: the console's imports run in main;
    // match-sorter ranks the search (Ctrl/⌘+K), which runs in main too; age-encryption encrypts team vaults' files.
    expect(Object.keys(manifest.dependencies as object).sort()).toEqual([
      '@usebruno/lang',
      'age-encryption',
      'httpsnippet-lite',
      'keytar',
      'lowdb',
      'match-sorter',
      'yaml',
      'zod',
    ]);
    for (const dependency of [
      'keytar',
      'lowdb',
      'zod',
      'httpsnippet-lite',
      '@usebruno/lang',
      'yaml',
      'match-sorter',
      'age-encryption',
    ]) {
      expect(files).toContain(`/node_modules/${dependency}/package.json`);
    }
  });

  it('never holds tests, the browser harness, sources, source maps or development packages', () => {
    const outsideModules = files.filter((file) => !file.startsWith('/node_modules'));
    expect(outsideModules.filter((file) => !/^\/(out|package\.json)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\.(map|ts|tsx|mts|cts)$/.test(file))).toEqual([]);
    expect(files.filter((file) => /harness|\/test\/|\/electron\/|\/renderer\/src|\/shared\//.test(file))).toEqual([]);
    for (const devOnly of [
      'react',
      'react-dom',
      'electron',
      'electron-builder',
      'vitest',
      'playwright-core',
      'tsx',
      'zustand',
    ]) {
      expect(files).not.toContain(`/node_modules/${devOnly}`);
    }
  });

  it("keeps keytar's native module outside the archive, where Electron can load it", () => {
    const node = 'node_modules/keytar/build/Release/keytar.node';
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked', node);
    expect(existsSync(unpacked)).toBe(true);
    expect(readFileSync(unpacked).equals(readFileSync(join(REPO_ROOT, node)))).toBe(true);
    expect(() => extractFile(asar, node)).not.toThrow(); // listed in the archive as unpacked, read from beside it
  });

  it('ships the keyhaven command line beside the archive, runnable by Node with its keychain module', async () => {
    const cli = join(appDir, 'resources', 'app.asar.unpacked', 'out', 'cli', 'keyhaven.js');
    expect(existsSync(cli)).toBe(true);
    const version = execFileSync(process.execPath, [cli, '--version'], { encoding: 'utf8' });
    expect(version.trim()).toBe(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version);
    // A command that opens a data folder loads keytar from app.asar.unpacked/node_modules, not the repo's.
    const dataDir = join(temp.path, 'cli-data');
    const listed = execFileSync(process.execPath, [cli, '--data-dir', dataDir, 'vault', 'ls', '--json'], {
      encoding: 'utf8',
      cwd: temp.path,
    });
    expect(JSON.parse(listed)).toEqual([expect.objectContaining({ name: 'Personal' })]);
  });

  it('flips the fuses in the executable as the configuration says, and names it keyhaven', async () => {
    const executable = join(appDir, 'keyhaven');
    expect(existsSync(executable)).toBe(true);
    const wire = await getCurrentFuseWire(executable);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });

  it('says plainly that the build is unsigned when no certificate is given', () => {
    expect(output).toContain('[keyhaven] macOS: no CSC_LINK or CSC_NAME, so the app is not signed');
    expect(output).toContain('[keyhaven] Windows: no WIN_CSC_LINK or CSC_LINK, so the installer is not signed.');
  });
});
