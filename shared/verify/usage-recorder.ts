import { backgroundInterval, nodeFiles, type NodeFs, type NodePath } from './runtime.js';
import { USAGE_FORMAT, USAGE_KEPT_DAYS, USAGE_VERSION, parseUsageFile, type UsageFile } from './usage-file.js';

/**
 * Counts a verifier's VALID verifications per key and UTC hour in memory and writes them to the usage
 * file (usage-file.ts) every flush interval and at close. Counting is a map update on the verification
 * path; the disk is touched only by the flush. A file that exists is read at start and added to, so the
 * counts stay cumulative across restarts. Each write is atomic: a temporary file in the same folder,
 * synced, then renamed over the old one, so a reader (or a crash) never sees half a file.
 */
const HOUR_MS = 3_600_000;
const KEPT_MS = USAGE_KEPT_DAYS * 24 * HOUR_MS;

interface KeyUsage {
  /** Count by hour start, milliseconds since the epoch. */
  hours: Map<number, number>;
  lastUsedMs: number;
}

export interface UsageRecorderOptions {
  file: string;
  flushSeconds: number;
  app: { id: string; prefix: string };
  now: () => number;
}

export class UsageRecorder {
  private readonly keys = new Map<string, KeyUsage>();
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: ReturnType<typeof backgroundInterval>;
  /** Why the last write failed, null once one succeeds. */
  lastError: string | null = null;

  private constructor(
    private readonly options: UsageRecorderOptions,
    private readonly fs: NodeFs,
    private readonly path: NodePath,
    private readonly source: string,
  ) {
    // A failed flush is kept in lastError (the verifier's status) and retried at the next one.
    this.timer = backgroundInterval(() => void this.flush().catch(() => undefined), options.flushSeconds);
  }

  static async open(options: UsageRecorderOptions): Promise<UsageRecorder> {
    const { fs, path } = nodeFiles(`The usage file ${options.file}`);
    const existing = await readExisting(fs, options.file);
    if (existing && existing.app.id !== options.app.id)
      throw new Error(
        `The usage file ${options.file} is for the app ${existing.app.id}, not ${options.app.id}: give each app its own.`,
      );
    const recorder = new UsageRecorder(options, fs, path, existing?.source ?? globalThis.crypto.randomUUID());
    for (const [keyId, key] of Object.entries(existing?.keys ?? {})) {
      const hours = new Map(Object.entries(key.hours).map(([hour, count]) => [Date.parse(hour), count] as const));
      recorder.keys.set(keyId, { hours, lastUsedMs: Date.parse(key.lastUsedAt) });
    }
    return recorder;
  }

  /** One VALID verification of `keyId` at `nowMs`. */
  record(keyId: string, nowMs: number): void {
    const hour = nowMs - (nowMs % HOUR_MS);
    const key = this.keys.get(keyId);
    if (key === undefined) {
      this.keys.set(keyId, { hours: new Map([[hour, 1]]), lastUsedMs: nowMs });
      return;
    }
    key.hours.set(hour, (key.hours.get(hour) ?? 0) + 1);
    if (nowMs > key.lastUsedMs) key.lastUsedMs = nowMs;
  }

  /** Writes the counts now; writes never overlap (each waits for the one before). */
  flush(): Promise<void> {
    const next = this.writing.then(() => this.write());
    this.writing = next.catch(() => undefined);
    return next;
  }

  /** Stops the flush timer and writes a last time; rejects if that write fails. */
  close(): Promise<void> {
    clearInterval(this.timer);
    return this.flush();
  }

  private snapshot(nowMs: number): UsageFile {
    const keys: UsageFile['keys'] = {};
    for (const keyId of [...this.keys.keys()].sort()) {
      const usage = this.keys.get(keyId) as KeyUsage;
      for (const hour of usage.hours.keys()) if (hour < nowMs - KEPT_MS) usage.hours.delete(hour);
      if (usage.hours.size === 0) {
        this.keys.delete(keyId);
        continue;
      }
      const hours: Record<string, number> = {};
      for (const hour of [...usage.hours.keys()].sort((a, b) => a - b))
        hours[new Date(hour).toISOString()] = usage.hours.get(hour) as number;
      keys[keyId] = { hours, lastUsedAt: new Date(usage.lastUsedMs).toISOString() };
    }
    return {
      format: USAGE_FORMAT,
      version: USAGE_VERSION,
      app: { id: this.options.app.id, prefix: this.options.app.prefix },
      source: this.source,
      writtenAt: new Date(nowMs).toISOString(),
      keys,
    };
  }

  private async write(): Promise<void> {
    const { file } = this.options;
    const text = `${JSON.stringify(this.snapshot(this.options.now()), null, 2)}\n`;
    const temporary = this.path.join(
      this.path.dirname(file),
      `.${this.path.basename(file)}.${globalThis.crypto.randomUUID()}.tmp`,
    );
    try {
      const handle = await this.fs.promises.open(temporary, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.fs.promises.rename(temporary, file);
      this.lastError = null;
    } catch (error) {
      await this.fs.promises.rm(temporary, { force: true });
      this.lastError = `Could not write the usage file ${file}: ${error instanceof Error ? error.message : String(error)}`;
      throw new Error(this.lastError, { cause: error });
    }
  }
}

async function readExisting(fs: NodeFs, file: string): Promise<UsageFile | null> {
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null;
    throw error;
  }
  try {
    return parseUsageFile(text);
  } catch (error) {
    throw new Error(
      `The usage file ${file} cannot be read (${(error as Error).message}); move it aside to start a new one.`,
      { cause: error },
    );
  }
}
