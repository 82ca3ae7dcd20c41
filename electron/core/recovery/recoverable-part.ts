/**
 * One part of the data (vaults.json, console.json) that Keyhaven can run without. Opening it either
 * succeeds or records why not (a StorageError: damaged, newer, busy, unreadable); meanwhile `get()`
 * answers every caller with a PartUnavailableError naming the problem, and the rest of the app works.
 * The user then restores the backup or starts the part empty (the damaged file is set aside, never
 * deleted), or retries; each reopens the part in place.
 */
import type { DataPart, DataProblem } from '../../../shared/domain/data-recovery';
import { CoreError } from '../errors';
import { StorageError } from '../storage/storage-error';
import { findRestorableBackup } from '../storage/backup-candidates';
import { DATA_DOCUMENTS, documentPath } from './data-documents';
import { describeProblem, unavailableError, type PartUnavailableError } from './data-problem';
import { restoreFromBackup, startEmpty } from './set-aside';

export interface RecoverablePartOptions<T> {
  part: DataPart;
  dataDir: string;
  open: () => Promise<T>;
  close: (value: T) => Promise<void>;
  now: () => Date;
}

type State<T> =
  | { kind: 'open'; value: T }
  | { kind: 'unavailable'; problem: DataProblem; error: PartUnavailableError }
  | { kind: 'closed' };

export class RecoverablePart<T> {
  private state: State<T> = { kind: 'closed' };
  /** Recoveries of one part run one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly o: RecoverablePartOptions<T>) {}

  /** Opens the part; a StorageError leaves it unavailable instead of failing. Anything else is thrown. */
  static async open<T>(options: RecoverablePartOptions<T>): Promise<RecoverablePart<T>> {
    const part = new RecoverablePart(options);
    await part.load();
    return part;
  }

  /** The open part, or a PartUnavailableError saying why not. */
  get(): T {
    if (this.state.kind === 'open') return this.state.value;
    if (this.state.kind === 'unavailable') throw this.state.error;
    throw new CoreError('UNAVAILABLE', 'Keyhaven is closing.');
  }

  /** The open part, or null: for callers that have something sensible to do without it. */
  current(): T | null {
    return this.state.kind === 'open' ? this.state.value : null;
  }

  problem(): DataProblem | null {
    return this.state.kind === 'unavailable' ? this.state.problem : null;
  }

  /** Replaces the damaged file with the newest backup that opens cleanly, then reopens. */
  restoreBackup(): Promise<string[]> {
    return this.recover(async (file, problem) => {
      // Looked up again: what the banner showed may have changed on disk since.
      const backup = await findRestorableBackup(DATA_DOCUMENTS[this.o.part], file, problem.file);
      if (!backup) {
        throw new CoreError('NOT_FOUND', `No backup of ${DATA_DOCUMENTS[this.o.part].fileName} opens cleanly.`);
      }
      return restoreFromBackup(file, backup.file, this.o.now());
    });
  }

  /** Sets the damaged file aside and opens the part as on a first run. */
  startEmpty(): Promise<string[]> {
    if (this.o.part === 'keys') {
      // An empty key store would leave every issued key unverifiable; the contract never asks for it.
      return Promise.reject(new CoreError('INVALID_INPUT', 'The key store is never started empty.'));
    }
    return this.recover((file) => startEmpty(file, this.o.now()));
  }

  /** Tries to open again (after a busy lock or a disk error). */
  retry(): Promise<string[]> {
    return this.recover(async () => []);
  }

  async close(): Promise<void> {
    const state = this.state;
    this.state = { kind: 'closed' };
    if (state.kind === 'open') await this.o.close(state.value);
  }

  private recover(action: (file: string, problem: DataProblem) => Promise<string[]>): Promise<string[]> {
    const run = this.queue.then(async () => {
      const state = this.state;
      if (state.kind !== 'unavailable') {
        throw new CoreError(
          'CONFLICT',
          `${DATA_DOCUMENTS[this.o.part].fileName} is open: there is nothing to recover.`,
        );
      }
      const keptAs = await action(documentPath(this.o.dataDir, this.o.part), state.problem);
      await this.load();
      return keptAs;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async load(): Promise<void> {
    try {
      this.state = { kind: 'open', value: await this.o.open() };
    } catch (error) {
      if (!(error instanceof StorageError)) throw error;
      const problem = await describeProblem(this.o.part, this.o.dataDir, error);
      this.state = { kind: 'unavailable', problem, error: unavailableError(this.o.part, problem, error) };
    }
  }
}
