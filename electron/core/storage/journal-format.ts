/**
 * One journal line per commit: `{"seq":n,"v":schemaVersion,"ops":[...],"crc":c}\n`, where c is the
 * CRC-32 of the canonical JSON of `{seq, v, ops}`. The writer produces that JSON with JSON.stringify
 * and inserts `,"crc":c` before its closing brace, so the reader verifies the CRC on the bytes as read
 * (the line minus that member), not on a re-serialisation: a line verifies only if it is exactly what
 * was written. JSON.stringify escapes every newline inside strings, so a line never contains one.
 */
import { crc32 } from 'node:zlib';

export interface JournalEntry {
  seq: number;
  /** The schemaVersion of the code that wrote the entry. */
  v: number;
  ops: unknown[];
  /** 1-based line number in the journal file, for error messages. */
  line: number;
}

export interface EncodedEntry {
  /** The canonical JSON of `{seq, v, ops}`: what a replay will parse. */
  body: string;
  /** The line to append, newline included. */
  text: string;
}

const CRC_MEMBER = ',"crc":';

export function encodeEntry(seq: number, v: number, ops: readonly unknown[]): EncodedEntry {
  const body = JSON.stringify({ seq, v, ops });
  return { body, text: `${body.slice(0, -1)}${CRC_MEMBER}${crc32(body)}}\n` };
}

/** The entry on a line (without its newline), or undefined when the line is torn, altered or foreign. */
export function decodeLine(text: string, line: number): JournalEntry | undefined {
  // The last `,"crc":` is ours: one inside an op is followed by more of the line, never by `<digits>}$`.
  const at = text.lastIndexOf(CRC_MEMBER);
  if (at < 0) return undefined;
  const crcText = text.slice(at + CRC_MEMBER.length, -1);
  if (!text.endsWith('}') || !/^\d{1,10}$/.test(crcText)) return undefined;
  const body = `${text.slice(0, at)}}`;
  if (crc32(body) !== Number(crcText)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  const { seq, v, ops } = (value ?? {}) as { seq?: unknown; v?: unknown; ops?: unknown };
  if (!isWhole(seq) || seq < 1 || !isWhole(v) || !Array.isArray(ops)) return undefined;
  return { seq, v, ops: ops as unknown[], line };
}

export function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
