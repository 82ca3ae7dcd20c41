/**
 * The one error type the storage layer throws for conditions a user can act on. Messages are shown to
 * people as they are, so each one names the file, says whether anything was changed and what to do.
 * They never quote file contents (a data file may hold key hashes or encrypted secrets), which is also
 * why JSON parse errors are not attached as `cause`: V8 puts a slice of the source text in them.
 */
import { basename, dirname, join } from 'node:path';
import type { BackupCopy } from './backup-copy';

export type StorageErrorCode = 'CORRUPT' | 'NEWER_VERSION' | 'LOCK_TIMEOUT' | 'IO';

export interface StorageErrorOptions {
  /** The copy that restores the most, when the file is damaged and one opens cleanly. */
  backup?: BackupCopy | null | undefined;
  cause?: unknown;
  /** What is wrong in one sentence, without the advice (the recovery banner offers its own). */
  summary?: string;
}

export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly file: string;
  readonly backup?: BackupCopy;
  readonly summary: string;

  constructor(code: StorageErrorCode, file: string, message: string, options: StorageErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.code = code;
    this.file = file;
    this.summary = options.summary ?? message;
    if (options.backup) this.backup = options.backup;
  }

  /**
   * `problem` completes "Keyhaven's data file <file> …", e.g. "is damaged (it is not valid JSON; …)".
   * `backup` is the copy that restores the most (backup-candidates.ts), null when none opens cleanly.
   * `cause` is for a validation or migration error (never a JSON parse error, see above).
   * The advice is what test/core/storage/damage-advice.test.ts follows, step by step.
   */
  static corrupt(file: string, problem: string, backup: BackupCopy | null, cause?: unknown): StorageError {
    const restore = backup
      ? `The copy that restores the most is ${backup.file} (${BACKUP_KINDS[backup.kind]}). To restore it, quit ` +
        `Keyhaven, move ${file} and ${file}.journal (if there is one) out of the folder, copy ${backup.file} to ` +
        `${file}, and start Keyhaven again; Keyhaven itself offers this when it starts.`
      : `No copy of it opens cleanly (${file}.bak and the copies in ${join(dirname(file), 'backups')} were checked).`;
    return new StorageError(
      'CORRUPT',
      file,
      `Keyhaven's data file ${file} ${problem}. Nothing was changed. ${restore}`,
      {
        backup,
        cause,
        summary: `${basename(file)} ${problem}.`,
      },
    );
  }

  static newerVersion(file: string, found: number, supported: number): StorageError {
    return new StorageError(
      'NEWER_VERSION',
      file,
      `Keyhaven's data file ${file} was written by a newer version of Keyhaven (data version ${found}; ` +
        `this one understands up to ${supported}). It was left untouched. Update Keyhaven to open it.`,
      {
        summary:
          `${basename(file)} was written by a newer version of Keyhaven (data version ${found}; this one ` +
          `understands up to ${supported}).`,
      },
    );
  }

  static lockTimeout(file: string, lockFile: string, waitedMs: number, holderPid?: number): StorageError {
    const holder = holderPid === undefined ? 'another Keyhaven process' : `another Keyhaven process (pid ${holderPid})`;
    return new StorageError(
      'LOCK_TIMEOUT',
      file,
      `Keyhaven waited ${formatWait(waitedMs)} for ${holder} to finish saving ${file}. Nothing was ` +
        `changed. Try again; if no other Keyhaven is running, delete ${lockFile} and try again.`,
      { summary: `${holder[0]?.toUpperCase()}${holder.slice(1)} was still saving ${basename(file)}.` },
    );
  }

  /**
   * `action` completes "Keyhaven could not …", e.g. "save its data file". `replaced` is true only when
   * the new version already took the file's place and just could not be flushed to the disk.
   */
  static io(file: string, action: string, cause: unknown, replaced = false): StorageError {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    const why = code ? ` (${code}${describeErrno(code)})` : '';
    const state = replaced
      ? 'The new version is in place but may not be safe from a power cut yet'
      : 'The file on disk was left as it was';
    return new StorageError(
      'IO',
      file,
      `Keyhaven could not ${action} ${file}${why}. ${state}; check that the disk is not full and that ` +
        `its folder is writable, then try again.`,
      { cause, summary: `Keyhaven could not ${action} ${basename(file)}${why}.` },
    );
  }
}

const BACKUP_KINDS: Record<BackupCopy['kind'], string> = {
  previous: 'the version before its last full save',
  snapshot: 'the copy taken when Keyhaven last opened it',
  compacted: 'its last full save, without the change journal',
};

function formatWait(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

function describeErrno(code: string): string {
  const known: Record<string, string> = {
    ENOSPC: ': the disk is full',
    EDQUOT: ': the disk quota is exceeded',
    EACCES: ': permission denied',
    EPERM: ': operation not permitted',
    EROFS: ': the disk is read-only',
    EIO: ': the disk reported an error',
  };
  return known[code] ?? '';
}
