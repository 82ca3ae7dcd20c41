import { open, readFile, stat, truncate } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { ChainedRecord } from './chain-hash';

/**
 * `activity.jsonl`: one JSON record per line, only ever appended. Appends are one write of whole lines
 * followed by fsync. A last line without its newline is the trace of a crash mid-append: it is cut off
 * when the file is read for appending. Anything else that does not parse is left in place for the chain
 * check to report — the log is evidence, so Keyhaven never rewrites it.
 */
export interface ParsedLine {
  lineNo: number;
  record: ChainedRecord | null;
}

export interface ActivityFileContents {
  lines: ParsedLine[];
  /** Bytes up to and including the last complete line. */
  size: number;
}

export async function readActivityFile(file: string, from = 0): Promise<ActivityFileContents> {
  let text: string;
  try {
    text = (from === 0 ? await readFile(file) : await readFrom(file, from)).toString('utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: [], size: 0 };
    throw error;
  }
  const lastNewline = text.lastIndexOf('\n');
  const complete = lastNewline === -1 ? '' : text.slice(0, lastNewline);
  const lines: ParsedLine[] = [];
  if (complete.length > 0) {
    complete.split('\n').forEach((line, i) => lines.push({ lineNo: i + 1, record: parseLine(line) }));
  }
  return { lines, size: from + Buffer.byteLength(complete) + (lastNewline === -1 ? 0 : 1) };
}

function parseLine(line: string): ChainedRecord | null {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === 'object' ? (value as ChainedRecord) : null;
  } catch {
    return null;
  }
}

/** The bytes of `file` from `from` on, without reading what comes before. */
async function readFrom(file: string, from: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const length = Math.max(0, (await handle.stat()).size - from);
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await handle.read(buffer, read, length - read, from + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  } finally {
    await handle.close();
  }
}

/**
 * Where the last complete lines of `file` start: the first line boundary within its last `window`
 * bytes (0 when the file is smaller). A record line is far shorter than the window.
 */
export async function tailStart(file: string, window: number): Promise<number> {
  const size = await fileSize(file);
  if (size <= window) return 0;
  const bytes = await readFrom(file, size - window);
  const newline = bytes.indexOf(0x0a);
  return newline === -1 ? 0 : size - window + newline + 1;
}

/** Cuts a torn last line (no newline) left by a crash, so the next append starts on a clean line. */
export async function cutTornTail(file: string, completeSize: number): Promise<void> {
  try {
    if ((await stat(file)).size > completeSize) await truncate(file, completeSize);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export async function appendLines(file: string, records: ChainedRecord[]): Promise<number> {
  const text = records.map((record) => `${JSON.stringify(record)}\n`).join('');
  let handle: FileHandle | null = null;
  try {
    handle = await open(file, 'a', 0o600);
    // writeFile loops until every byte is written: a short write must not leave half a record.
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle?.close();
  }
  return Buffer.byteLength(text);
}

export async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}
