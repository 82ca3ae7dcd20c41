/**
 * Writes Windows icon files (.ico) from PNGs.
 *
 * Layout (all integers little-endian): ICONDIR = reserved u16 0, type u16 1 (icon), count u16; then one
 * 16-byte ICONDIRENTRY per image = width u8, height u8 (0 means 256), colour count u8 0 (not
 * palettised), reserved u8 0, planes u16 1, bits per pixel u16 32, data size u32, data offset u32 from
 * the start of the file; then the image data. Since Windows Vista an image may be a whole PNG file
 * instead of a BMP without its file header, which is what we write for every size: it keeps the alpha
 * channel as rendered and the file small, and Electron's Windows targets are far newer than Vista.
 * Reference: https://learn.microsoft.com/en-us/previous-versions/ms997538(v=msdn.10)
 */
import { Buffer } from 'node:buffer';
import { pngSize } from './png';

const DIR_SIZE = 6;
const ENTRY_SIZE = 16;

/** PNGs of square icons, 1 to 256 px, each size at most once. Written in the order given. */
export function encodeIco(pngs: readonly Buffer[]): Buffer {
  const sizes = new Set<number>();
  const dir = Buffer.alloc(DIR_SIZE + ENTRY_SIZE * pngs.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(pngs.length, 4);
  let offset = dir.length;
  pngs.forEach((png, index) => {
    const { width, height } = pngSize(png);
    // The entry has one byte per dimension, so 256 is the largest size an .ico can declare.
    if (width !== height || width < 1 || width > 256)
      throw new Error(`ico: ${width}x${height} is not a square of 1-256 px`);
    if (sizes.has(width)) throw new Error(`ico: ${width}x${width} given twice`);
    sizes.add(width);
    const at = DIR_SIZE + ENTRY_SIZE * index;
    dir.writeUInt8(width % 256, at); // 256 -> 0
    dir.writeUInt8(height % 256, at + 1);
    dir.writeUInt8(0, at + 2);
    dir.writeUInt8(0, at + 3);
    dir.writeUInt16LE(1, at + 4);
    dir.writeUInt16LE(32, at + 6);
    dir.writeUInt32LE(png.length, at + 8);
    dir.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([dir, ...pngs]);
}
