/**
 * A stand-in for an unpacked Electron release (what electron-builder's `electronDist` points at): an
 * `electron` executable, `version`, `LICENSE` and `resources/`. The executable carries Electron's fuse
 * wire (the sentinel, version 1, length 9, one byte per fuse) set to Electron 45's defaults, so the
 * packager really flips fuses in it and a test can read them back with @electron/fuses.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/**
 * Electron's defaults, in wire order: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect
 * on, asar integrity off, only-asar off, browser V8 snapshot off, file: privileges on, Wasm trap on.
 */
const DEFAULT_WIRE = '101100011';

export function makeStandInElectronDist(dir: string, version: string): string {
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const executable = join(dir, 'electron');
  writeFileSync(
    executable,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "a stand-in for Electron"\n'),
      Buffer.alloc(256),
      Buffer.from(FUSE_SENTINEL, 'latin1'),
      Buffer.from([1, DEFAULT_WIRE.length]),
      Buffer.from(DEFAULT_WIRE, 'latin1'),
      Buffer.alloc(256),
    ]),
  );
  chmodSync(executable, 0o755);
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in');
  return dir;
}
