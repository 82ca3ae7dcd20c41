/**
 * Just enough PNG for the icon generator: read a PNG's size from its header, and re-encode the
 * screenshots Chromium gives us so the committed files are small and byte-for-byte reproducible.
 *
 * Chromium's own encoding is fine but is its choice, and could change with its version. Re-encoding
 * keeps only IHDR, IDAT and IEND, zeroes the colour of fully transparent pixels, picks a filter per row
 * (the "minimum sum of absolute differences" heuristic libpng uses) and deflates at level 9, so the
 * bytes depend only on the visible pixels. It also saves about 5 % over Chromium's files.
 */
import { Buffer } from 'node:buffer';
import { crc32, deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Chunk {
  type: string;
  data: Buffer;
}

function* chunks(png: Buffer): Generator<Chunk> {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG (bad signature)');
  for (let at = 8; at + 12 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    yield { type, data: png.subarray(at + 8, at + 8 + length) };
    at += 12 + length;
  }
}

/** Width and height from the IHDR chunk, which the PNG spec requires to come first. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const first = chunks(Buffer.from(png.buffer, png.byteOffset, png.byteLength)).next();
  if (first.done || first.value.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  return { width: first.value.data.readUInt32BE(0), height: first.value.data.readUInt32BE(4) };
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(Buffer.from(type, 'latin1'))), 0);
  return Buffer.concat([head, data, crc]);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Applies (encode) or reverses (decode) PNG filter `type` on one row in place. `row` and `prev` are
 * the unfiltered current and previous rows for encoding; for decoding, `row` holds filtered bytes and
 * is turned into raw ones. bpp is bytes per pixel (4 for RGBA8).
 */
function filterRow(type: number, row: Buffer, prev: Buffer, bpp: number, out: Buffer, decode: boolean): void {
  for (let i = 0; i < row.length; i++) {
    const left = i >= bpp ? (decode ? out[i - bpp]! : row[i - bpp]!) : 0;
    const up = prev[i]!;
    const upLeft = i >= bpp ? prev[i - bpp]! : 0;
    const predictor =
      type === 0 ? 0 : type === 1 ? left : type === 2 ? up : type === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
    out[i] = (decode ? row[i]! + predictor : row[i]! - predictor) & 0xff;
  }
}

/** Re-encodes an 8-bit RGBA, non-interlaced PNG (what Chromium's screenshots are) as described above. */
export function recompressPng(png: Buffer): Buffer {
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  for (const { type, data } of chunks(png)) {
    if (type === 'IHDR') ihdr = Buffer.from(data);
    else if (type === 'IDAT') idat.push(data);
  }
  if (!ihdr) throw new Error('PNG without IHDR');
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  // bit depth 8, colour type 6 (RGBA), compression 0, filter 0, interlace 0.
  if (ihdr.readUInt8(8) !== 8 || ihdr.readUInt8(9) !== 6 || ihdr.readUInt8(12) !== 0) {
    throw new Error('expected an 8-bit RGBA non-interlaced PNG');
  }
  const bpp = 4;
  const stride = width * bpp;
  const filtered = inflateSync(Buffer.concat(idat));
  const out = Buffer.alloc((stride + 1) * height);
  let prev = Buffer.alloc(stride);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const raw = Buffer.alloc(stride);
    const start = y * (stride + 1);
    filterRow(filtered[start]!, filtered.subarray(start + 1, start + 1 + stride), prev, bpp, raw, true);
    // A fully transparent pixel has no colour; make it 0,0,0,0 so nothing invisible reaches the file.
    for (let x = 3; x < stride; x += 4) if (raw[x] === 0) raw.fill(0, x - 3, x);
    // Choose the filter whose output has the smallest sum of |signed byte|: a cheap, stable guess
    // at what deflate will compress best.
    let best = { type: 0, score: Infinity, bytes: Buffer.alloc(0) };
    for (let type = 0; type <= 4; type++) {
      filterRow(type, raw, prev, bpp, candidate, false);
      let score = 0;
      for (const byte of candidate) score += byte < 128 ? byte : 256 - byte;
      if (score < best.score) best = { type, score, bytes: Buffer.from(candidate) };
    }
    out[y * (stride + 1)] = best.type;
    best.bytes.copy(out, y * (stride + 1) + 1);
    prev = raw;
  }
  const idatOut = deflateSync(out, { level: 9, memLevel: 9 });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idatOut), chunk('IEND', Buffer.alloc(0))]);
}
