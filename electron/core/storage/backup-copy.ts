/** A copy of a data file that a damage report can name and a restore can use (backup-candidates.ts). */
export interface BackupCopy {
  file: string;
  /** When that copy was written (its modification time), ISO 8601. */
  savedAt: string;
  /**
   * previous:  `<file>.bak`, the version before the last full save;
   * snapshot:  a copy in `backups/`, taken when Keyhaven last opened the file;
   * compacted: the data file itself without its damaged change journal (the last full save).
   */
  kind: 'previous' | 'snapshot' | 'compacted';
}
