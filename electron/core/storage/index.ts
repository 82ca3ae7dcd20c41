export type { DocumentOptions } from './document-options';
export { acquireFileLock, type FileLockOptions, type ReleaseFileLock } from './file-lock';
export { writeFileDurably } from './atomic-write';
export { DurableJsonFile } from './durable-json-file';
export { StorageError, type StorageErrorCode } from './storage-error';
export { SNAPSHOTS_KEPT, snapshotDirOf } from './snapshots';
export { openJournaledStore, type Journaled, type JournaledStore, type JournaledStoreOptions } from './journaled-store';
