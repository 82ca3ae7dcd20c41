/**
 * The append-only write-ahead journal of a journaled store (`<file>.journal` by default): one line per
 * commit (journal-format.ts), appended and truncated only by a process holding the data file's lock.
 * An append is one write() on a handle kept open, then fdatasync: a commit costs one small write and
 * one flush whatever the size of the data. Every append is flushed before the lock is released, so a
 * crash can tear only the last line, and that line was never acknowledged: a torn line has no newline
 * (the newline is the last byte of its one write), and reading drops it and truncates the file back to
 * the last good line (durably) before anyone appends behind it. A complete line that does not verify,
 * last or not, cannot come from an interrupted append: it is reported, never skipped or cut.
 */
import { constants } from 'node:fs';
import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { syncDirectory } from './atomic-write';
import { damagedLine } from './journal-errors';
import { decodeLine, type JournalEntry } from './journal-format';
import { StorageError } from './storage-error';

const { O_APPEND, O_CREAT, O_EXCL, O_RDWR } = constants;
const CHUNK = 64 * 1024;

export class Journal {
  private handle: FileHandle | null = null;
  /** Where the last good line read or written ends: the file's length once read to the end. */
  private end = 0;
  private lineCount = 0;
  /** Reused for the usual catch-up read that finds nothing new, so a commit allocates no buffer. */
  private readonly scratch = Buffer.allocUnsafe(CHUNK);

  /** `file` is the data file the journal belongs to, named in error messages. */
  constructor(
    readonly path: string,
    private readonly file: string,
  ) {}

  /** Bytes of good lines seen (read or appended) since the journal was last emptied or rewound. */
  get size(): number {
    return this.end;
  }

  /** Good lines seen since the journal was last emptied or rewound. */
  get lines(): number {
    return this.lineCount;
  }

  /** Read from the start again on the next readNew (another process has compacted the journal). */
  rewind(): void {
    this.end = 0;
    this.lineCount = 0;
  }

  /** The journal's length on disk now (0 when absent): differs from `size` once another process appended. */
  async bytesOnDisk(): Promise<number> {
    return stat(this.path).then(
      (info) => info.size,
      () => 0,
    );
  }

  async exists(): Promise<boolean> {
    if (this.handle) return true;
    return stat(this.path).then(
      () => true,
      () => false,
    );
  }

  /**
   * The entries appended since the last read or append; [] when there is no journal. Drops a torn last
   * line (no newline) and truncates it away; throws CORRUPT, changing nothing, on any complete line
   * that does not verify.
   */
  async readNew(): Promise<JournalEntry[]> {
    const handle = await this.openExisting();
    if (!handle) return [];
    let bytes: Buffer;
    try {
      bytes = await readFrom(handle, this.end, this.scratch);
    } catch (error) {
      throw StorageError.io(this.path, 'read', error);
    }
    const entries: JournalEntry[] = [];
    let good = 0;
    let start = 0;
    for (let newline = bytes.indexOf(10); newline >= 0; newline = bytes.indexOf(10, start)) {
      const line = this.lineCount + entries.length + 1;
      const entry = decodeLine(bytes.toString('utf8', start, newline), line);
      start = newline + 1;
      if (!entry) throw damagedLine(this.path, this.file, line);
      entries.push(entry);
      good = start;
    }
    // Anything after the last newline is a torn append; cut it off before appending behind it.
    if (good < bytes.length) await this.truncate(handle, this.end + good, 'repair');
    this.end += good;
    this.lineCount += entries.length;
    return entries;
  }

  /** Appends one encoded line (readNew must have read to the end under the same lock hold). */
  async append(text: string): Promise<void> {
    const handle = this.handle ?? (await this.create());
    const bytes = Buffer.from(text, 'utf8');
    try {
      const { bytesWritten } = await handle.write(bytes, 0, bytes.length, null);
      if (bytesWritten !== bytes.length) throw Object.assign(new Error('short write'), { code: 'ENOSPC' });
      await handle.datasync();
    } catch (error) {
      // Take a partial or unflushed line back out, so the next append does not land behind it.
      await this.truncate(handle, this.end, 'save a change to').catch(() => undefined);
      throw StorageError.io(this.path, 'save a change to', error);
    }
    this.end += bytes.length;
    this.lineCount += 1;
  }

  /** Empties the journal durably (after a compaction has put its entries in the data file). */
  async clear(): Promise<void> {
    if (this.handle && this.end > 0) await this.truncate(this.handle, 0, 'empty');
    this.rewind();
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  private async truncate(handle: FileHandle, size: number, action: string): Promise<void> {
    try {
      await handle.truncate(size);
      await handle.datasync();
    } catch (error) {
      throw StorageError.io(this.path, action, error);
    }
  }

  private async openExisting(): Promise<FileHandle | null> {
    if (this.handle) return this.handle;
    try {
      this.handle = await open(this.path, O_RDWR | O_APPEND);
      return this.handle;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw StorageError.io(this.path, 'read', error);
    }
  }

  /** Creates the journal (0600), or opens it if another process just did; fsyncs the new name. */
  private async create(): Promise<FileHandle> {
    const dir = dirname(this.path);
    let handle: FileHandle | undefined;
    try {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      handle = await open(this.path, O_RDWR | O_APPEND | O_CREAT | O_EXCL, 0o600);
      await handle.chmod(0o600); // the umask may have taken the owner's bits away
      await syncDirectory(dir); // the first line is only durable once the name is
      this.handle = handle;
      return handle;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        const existing = await this.openExisting();
        if (existing) return existing;
      }
      await handle?.close().catch(() => undefined);
      throw StorageError.io(this.path, 'create', error);
    }
  }
}

/** Everything from `position` to the end of the file. */
async function readFrom(handle: FileHandle, position: number, scratch: Buffer): Promise<Buffer> {
  const first = (await handle.read(scratch, 0, scratch.length, position)).bytesRead;
  if (first === 0) return Buffer.alloc(0);
  const chunks = [Buffer.from(scratch.subarray(0, first))]; // a copy: the scratch is reused
  let at = position + first;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(CHUNK, at - position)); // doubling: few reads for a big file
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, at);
    if (bytesRead === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, bytesRead));
    at += bytesRead;
  }
}
