/**
 * The committed app icons (electron/resources/, written by electron/tooling/icon/render-icons.ts) are
 * what electron-builder packages, and a broken one only shows up on the platform that uses it. These
 * tests read the files back with their own small parsers (not the writers' code) and check each
 * container and every PNG inside it declares the size it should.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/repo-root';

const RESOURCES = join(REPO_ROOT, 'electron', 'resources');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** The modern PNG element types of an .icns and the pixel size each holds. */
const ICNS_SIZES: Record<string, number> = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024,
  ic11: 32,
  ic12: 64,
  ic13: 256,
  ic14: 512,
};

const read = (...path: string[]) => readFileSync(join(RESOURCES, ...path));

/** Size from the IHDR chunk, after checking the signature, that IHDR comes first and its CRC. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true);
  expect(png.readUInt32BE(8), 'IHDR length').toBe(13);
  expect(png.toString('latin1', 12, 16), 'first chunk').toBe('IHDR');
  expect(png.readUInt32BE(29), 'IHDR CRC').toBe(crc32(png.subarray(12, 29)));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('the Linux icon set', () => {
  it.each(LINUX_SIZES.map((size) => ({ size, file: `${size}x${size}.png` })))(
    'has icons/$file at that size',
    ({ size, file }) => {
      expect(pngSize(read('icons', file))).toEqual({ width: size, height: size });
    },
  );

  it('has icon.png, the same 1024 px image', () => {
    const icon = read('icon.png');
    expect(pngSize(icon)).toEqual({ width: 1024, height: 1024 });
    expect(icon.equals(read('icons', '1024x1024.png'))).toBe(true);
  });
});

describe('icon.icns', () => {
  const icns = read('icon.icns');

  it('is an icns container whose header length is the file length', () => {
    expect(icns.toString('latin1', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
  });

  it('holds one PNG of the declared size for every modern type, and its elements fill the file exactly', () => {
    const found: Record<string, number> = {};
    let at = 8;
    while (at < icns.length) {
      expect(at + 8, 'element header inside the file').toBeLessThanOrEqual(icns.length);
      const type = icns.toString('latin1', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      expect(length, `${type} length`).toBeGreaterThan(8);
      expect(at + length, `${type} inside the file`).toBeLessThanOrEqual(icns.length);
      expect(found[type], `${type} once`).toBeUndefined();
      const { width, height } = pngSize(icns.subarray(at + 8, at + length));
      expect(height, `${type} is square`).toBe(width);
      found[type] = width;
      at += length;
    }
    expect(at).toBe(icns.length);
    expect(found).toEqual(ICNS_SIZES);
  });
});

describe('icon.ico', () => {
  const ico = read('icon.ico');

  it('is an icon directory (reserved 0, type 1) with one entry per size', () => {
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(ICO_SIZES.length);
  });

  it('declares each size once, and each entry is a PNG of that size inside the file', () => {
    const sizes: number[] = [];
    for (let index = 0; index < ico.readUInt16LE(4); index++) {
      const entry = 6 + 16 * index;
      // One byte per dimension: 0 stands for 256.
      const width = ico.readUInt8(entry) || 256;
      const height = ico.readUInt8(entry + 1) || 256;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(ico.readUInt16LE(entry + 4), `${width} px planes`).toBe(1);
      expect(ico.readUInt16LE(entry + 6), `${width} px bits per pixel`).toBe(32);
      expect(offset, `${width} px after the directory`).toBeGreaterThanOrEqual(6 + 16 * ico.readUInt16LE(4));
      expect(offset + length, `${width} px inside the file`).toBeLessThanOrEqual(ico.length);
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({ width, height });
      sizes.push(width);
    }
    expect(sizes.toSorted((a, b) => a - b)).toEqual(ICO_SIZES);
  });
});
