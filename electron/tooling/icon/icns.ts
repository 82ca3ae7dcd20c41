/**
 * Writes Apple icon files (.icns) from PNGs.
 *
 * The container is simple enough that a dependency is not worth it: the magic 'icns', the total file
 * length (big-endian u32, header included), then one element per image, each a 4-character type, its
 * own length (big-endian u32, including these 8 bytes) and the data. Since OS X 10.7 the data of the
 * types below may be a whole PNG file, which is all we write: no legacy RLE bitmaps or masks, and no
 * 'TOC ' element (optional; iconutil writes one, macOS does not need it).
 * Reference: https://en.wikipedia.org/wiki/Apple_Icon_Image_format#Icon_types
 */
import { Buffer } from 'node:buffer';
import { pngSize } from './png';

/** PNG-capable element types and the pixel size each must hold (@2x types hold double their point size). */
export const ICNS_PNG_TYPES = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024, // 512 pt @2x
  ic11: 32, // 16 pt @2x
  ic12: 64, // 32 pt @2x
  ic13: 256, // 128 pt @2x
  ic14: 512, // 256 pt @2x
} as const;

export type IcnsPngType = keyof typeof ICNS_PNG_TYPES;

export interface IcnsEntry {
  type: IcnsPngType;
  png: Buffer;
}

export function encodeIcns(entries: readonly IcnsEntry[]): Buffer {
  const seen = new Set<string>();
  const parts: Buffer[] = [];
  for (const { type, png } of entries) {
    // A wrong size or a duplicate type would not fail until macOS picks that image, so refuse here.
    if (seen.has(type)) throw new Error(`icns: ${type} given twice`);
    seen.add(type);
    const { width, height } = pngSize(png);
    const expected = ICNS_PNG_TYPES[type];
    if (width !== expected || height !== expected) {
      throw new Error(`icns: ${type} needs ${expected}x${expected}, got ${width}x${height}`);
    }
    const header = Buffer.alloc(8);
    header.write(type, 0, 'latin1');
    header.writeUInt32BE(8 + png.length, 4);
    parts.push(header, png);
  }
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'latin1');
  header.writeUInt32BE(8 + body.length, 4);
  return Buffer.concat([header, body]);
}
