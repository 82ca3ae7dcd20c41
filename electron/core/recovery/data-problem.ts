/**
 * From the StorageError that kept a part closed to what the user is shown and offered (DataProblem),
 * and the CoreError every request to that part answers meanwhile.
 */
import type { DataPart, DataProblem, RecoveryAction } from '../../../shared/domain/data-recovery';
import type { ErrorCode } from '../../../shared/ipc/errors';
import { CoreError } from '../errors';
import type { StorageError } from '../storage/storage-error';
import { findRestorableBackup } from '../storage/backup-candidates';
import { DATA_DOCUMENTS, documentPath, journalPathOf } from './data-documents';

const KINDS: Record<StorageError['code'], DataProblem['kind']> = {
  CORRUPT: 'damaged',
  NEWER_VERSION: 'newer',
  LOCK_TIMEOUT: 'busy',
  IO: 'io',
};

const CODES: Record<StorageError['code'], ErrorCode> = {
  CORRUPT: 'STORAGE_CORRUPT',
  NEWER_VERSION: 'STORAGE_NEWER_VERSION',
  LOCK_TIMEOUT: 'STORAGE_BUSY',
  IO: 'STORAGE_IO',
};

const UNAVAILABLE: Record<DataPart, string> = {
  keys: 'Keyhaven cannot open its data',
  vaults: 'Your vaults are unavailable',
  console: "The console's history and saved requests are unavailable",
};

const CHOICES: Record<DataPart, string> = {
  keys: 'Keyhaven offers to restore its backup.',
  vaults: 'Keyhaven offers to restore its backup or to start with no vaults.',
  console: 'Keyhaven offers to restore its backup or to start with an empty history.',
};

/** What a request to an unavailable part answers: the storage code, and what is wrong in a sentence. */
export class PartUnavailableError extends CoreError {
  constructor(
    readonly part: DataPart,
    readonly problem: DataProblem,
    code: ErrorCode,
  ) {
    super(code, `${UNAVAILABLE[part]}: ${problem.summary} ${CHOICES[part]}`);
  }
}

export function unavailableError(part: DataPart, problem: DataProblem, error: StorageError): PartUnavailableError {
  return new PartUnavailableError(part, problem, CODES[error.code]);
}

export async function describeProblem(part: DataPart, dataDir: string, error: StorageError): Promise<DataProblem> {
  const file = documentPath(dataDir, part);
  const ours = error.file === file || error.file === journalPathOf(file);
  const damaged = error.code === 'CORRUPT';
  const backup = damaged && ours ? await findRestorableBackup(DATA_DOCUMENTS[part], file, error.file) : null;
  const actions: RecoveryAction[] = [];
  if (backup) actions.push('restoreBackup');
  if (damaged && ours && part !== 'keys') actions.push('startEmpty');
  if (error.code === 'IO' || error.code === 'LOCK_TIMEOUT') actions.push('retry');
  return { part, kind: KINDS[error.code], file: error.file, summary: error.summary, backup, actions };
}
