/**
 * A stand-in Electron release, served the way Electron's download mirror serves one (ENVIRONMENT.md):
 * `v<version>/electron-v<version>-<platform>-<arch>.zip` and `v<version>/SHASUMS256.txt` over HTTP on
 * 127.0.0.1. The zip holds an `electron` executable (a Node script recording how it was started, and
 * what the dev server served, into $KEYHAVEN_STANDIN_REPORT) and a `version` file, plus padding so the
 * download is long enough to show progress. Requests are recorded, so a test can tell a download from
 * a cache hit.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { zipSync } from 'fflate';

export interface StandInRelease {
  /** ELECTRON_MIRROR for the release, ending in '/'. */
  mirror: string;
  zipName: string;
  /** Paths requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Runs as the app's "Electron": records argv, cwd, the renderer URL and what that URL served. */
const STAND_IN = `#!/usr/bin/env node
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const { resolve } = require('node:path');
(async () => {
  const appPath = resolve(process.cwd(), process.argv[2] ?? '');
  const manifest = JSON.parse(readFileSync(resolve(appPath, 'package.json'), 'utf8'));
  const report = {
    argv: process.argv.slice(2),
    appPath,
    mainBuilt: existsSync(resolve(appPath, manifest.main)),
    rendererUrl: process.env.ELECTRON_RENDERER_URL ?? null,
    page: null,
  };
  if (report.rendererUrl) {
    try {
      const response = await fetch(report.rendererUrl);
      report.page = { status: response.status, body: (await response.text()).slice(0, 8000) };
    } catch (error) {
      report.page = { error: String(error) };
    }
  }
  writeFileSync(process.env.KEYHAVEN_STANDIN_REPORT, JSON.stringify(report));
})();
`;

const UNIX_EXECUTABLE = 0o100755 << 16;
const UNIX_FILE = 0o100644 << 16;

export function standInZip(version: string, executable: string, paddingBytes = 3 * 1024 * 1024): Uint8Array {
  return zipSync(
    {
      [executable]: [new TextEncoder().encode(STAND_IN), { os: 3, attrs: UNIX_EXECUTABLE }],
      version: [new TextEncoder().encode(version), { os: 3, attrs: UNIX_FILE }],
      // Random, so it does not compress: the download then takes many chunks, as a real one does.
      'padding.bin': [randomBytes(paddingBytes), { os: 3, attrs: UNIX_FILE, level: 0 }],
    },
    { level: 6 },
  );
}

export async function serveStandInRelease(options: {
  version: string;
  platform: string;
  arch: string;
  executable: string;
  /** 'wrong': SHASUMS256.txt lists another file's hash, as after tampering on the way. */
  checksums?: 'right' | 'wrong';
}): Promise<StandInRelease> {
  const { version } = options;
  const zipName = `electron-v${version}-${options.platform}-${options.arch}.zip`;
  const zip = Buffer.from(standInZip(version, options.executable));
  const hashed = options.checksums === 'wrong' ? Buffer.from('something else') : zip;
  const sums = `${createHash('sha256').update(hashed).digest('hex')} *${zipName}\n`;
  const files = new Map<string, Buffer>([
    [`/v${version}/${zipName}`, zip],
    [`/v${version}/SHASUMS256.txt`, Buffer.from(sums)],
  ]);
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const body = files.get(path);
    if (!body) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    mirror: `http://127.0.0.1:${port}/`,
    zipName,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
