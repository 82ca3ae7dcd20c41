/**
 * `npm install && npm start` as a new user runs it, on a machine that has never downloaded Electron
 * (issue 9): the real `npm start` in a copy of the project whose Electron package has no binary, with
 * Electron's documented mirror settings pointing at a stand-in release on 127.0.0.1. The chain must
 * download the release (saying so, with progress), let Electron's installer unpack it, build, start
 * the dev server, and start "Electron" with the app's path. Nothing here reaches the internet.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findElectronPackage, platformPath } from '../../electron/tooling/electron-binary';
import { makeTempDir } from '../support/temp-dir';
import { serveStandInRelease, type StandInRelease } from './support/electron-release';
import { copyProjectWithoutElectronBinary } from './support/project-copy';
import { REPO_ROOT } from './support/repo-root';

interface Run {
  code: number | null;
  output: string;
}

interface StandInReport {
  argv: string[];
  appPath: string;
  mainBuilt: boolean;
  rendererUrl: string | null;
  page: { status?: number; body?: string; error?: string } | null;
}

const { version } = findElectronPackage(REPO_ROOT);

/** `npm start` in `cwd`, with the mirror settings and none of CI's Electron switches. */
function npmStart(cwd: string, env: NodeJS.ProcessEnv): Promise<Run> {
  const base = { ...process.env };
  for (const name of Object.keys(base)) {
    if (/^(ELECTRON_|electron_|npm_config_electron)/i.test(name)) delete base[name];
  }
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['start'], { cwd, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('npm start on a machine without the Electron binary', () => {
  let temp: { path: string; remove: () => Promise<void> };
  let project: string;
  let release: StandInRelease;
  let reportFile: string;
  let cache: string;

  beforeAll(async () => {
    temp = await makeTempDir('keyhaven-start');
    project = join(temp.path, 'project');
    copyProjectWithoutElectronBinary(REPO_ROOT, project);
    release = await serveStandInRelease({
      version,
      platform: process.platform,
      arch: process.arch,
      executable: platformPath(),
    });
    reportFile = join(temp.path, 'stand-in-report.json');
    cache = join(temp.path, 'electron-cache');
  });
  afterAll(async () => {
    await release?.close();
    await temp?.remove();
  });

  const mirrorEnv = (): NodeJS.ProcessEnv => ({
    ELECTRON_MIRROR: release.mirror,
    electron_use_remote_checksums: '1',
    electron_config_cache: cache,
    KEYHAVEN_STANDIN_REPORT: reportFile,
  });

  it('says when it cannot reach the download server, names the cause, and starts nothing', async () => {
    const port = await closedPort();
    const run = await npmStart(project, { ...mirrorEnv(), ELECTRON_MIRROR: `http://127.0.0.1:${port}/` });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`Could not download Electron ${version} from the mirror http://127.0.0.1:${port}/`);
    expect(run.output).toMatch(/the server refused the connection \(ECONNREFUSED\)\. Check your internet connection/);
    expect(run.output).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.output).not.toContain('Electron uninstall');
    expect(existsSync(reportFile)).toBe(false);
    expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false);
  });

  it('says when the mirror does not have this version', async () => {
    const run = await npmStart(project, { ...mirrorEnv(), ELECTRON_MIRROR: `${release.mirror}missing/` });
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/answered 404 Not Found\. Please check that ELECTRON_MIRROR points at a mirror/);
    expect(existsSync(reportFile)).toBe(false);
  });

  it('refuses a download that does not match its published checksum', async () => {
    const tampered = await serveStandInRelease({
      version,
      platform: process.platform,
      arch: process.arch,
      executable: platformPath(),
      checksums: 'wrong',
    });
    try {
      const run = await npmStart(project, { ...mirrorEnv(), ELECTRON_MIRROR: tampered.mirror });
      expect(run.code).not.toBe(0);
      expect(run.output).toContain("the file does not match Electron's published SHA-256 checksum, so it was not used");
      expect(existsSync(join(project, 'node_modules/electron/path.txt'))).toBe(false);
      expect(existsSync(reportFile)).toBe(false);
    } finally {
      await tampered.close();
    }
  });

  it('downloads the release with progress, unpacks it, and starts Electron with the app', async () => {
    release.requests.length = 0;
    const run = await npmStart(project, mirrorEnv());
    expect(run.code, run.output).toBe(0);

    expect(run.output).toContain(
      `Electron ${version} is not downloaded yet: fetching it once from the mirror ${release.mirror}`,
    );
    const progress = run.output.split('\n').filter((line) => line.includes('Downloading Electron:'));
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toMatch(/100 % \(3\.\d of 3\.\d MB\)/);
    expect(run.output).toContain(`Electron ${version} is ready.`);
    expect(release.requests).toContain(`/v${version}/${release.zipName}`);
    expect(release.requests).toContain(`/v${version}/SHASUMS256.txt`);
    // The zip was fetched once: Electron's installer found it in the cache.
    expect(release.requests.filter((path) => path.endsWith('.zip'))).toHaveLength(1);

    // Electron's own layout, as a lazy require('electron') would have left it.
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe(platformPath());

    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as StandInReport;
    expect(report.argv[0]).toBe('.');
    expect(realpathSync(report.appPath)).toBe(realpathSync(project));
    expect(report.mainBuilt).toBe(true);
    expect(report.rendererUrl).toMatch(/^http:\/\/localhost:\d+\/?$/);
    expect(report.page?.status).toBe(200);
    expect(report.page?.body).toContain('<div id="root">');
    expect(report.page?.body).toContain('Content-Security-Policy');
  }, 180_000);

  it('starts at once the second time, without downloading again', async () => {
    release.requests.length = 0;
    const run = await npmStart(project, mirrorEnv());
    expect(run.code, run.output).toBe(0);
    expect(release.requests).toEqual([]);
    expect(run.output).not.toContain('Downloading Electron');
    expect((JSON.parse(readFileSync(reportFile, 'utf8')) as StandInReport).argv[0]).toBe('.');
  }, 180_000);
});
