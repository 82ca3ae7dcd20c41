/**
 * The copy a "Restore the backup" would use: the newest one that opens cleanly. Candidates, when the
 * file exists and parses: the data file itself when only its change journal is damaged (the last full
 * save), `<file>.bak` (the version before the last full save) and the copies in `backups/` (taken at
 * each open). "Newest" is by content, not by date: each copy records how many changes it holds
 * (`journalSeq`), so the copy holding the most changes wins, whatever its file time says.
 */
import { readFile, stat } from 'node:fs/promises';
import { backupPathOf } from './atomic-write';
import type { BackupCopy } from './backup-copy';
import { decodeDocument } from './document-text';
import { migrate, schemaVersionOf, type Migrations } from './migrate-document';
import { listSnapshots } from './snapshots';

export type { BackupCopy } from './backup-copy';

/** What tells a copy that opens cleanly: the version this code reads, and the document's shape. */
export interface DocumentCheck {
  schemaVersion: number;
  /** Throws when data of the current version does not have the document's shape. */
  validate?: ((data: unknown) => unknown) | undefined;
  /** The document's migrations: an older copy is brought forward and then validated, as opening would. */
  migrations?: Migrations | undefined;
}

interface Candidate {
  file: string;
  kind: BackupCopy['kind'];
}

export const journalPathOf = (file: string): string => `${file}.journal`;

/** `failedFile`: the file the store refused (the data file or its journal). */
export async function findRestorableBackup(
  doc: DocumentCheck,
  file: string,
  failedFile: string,
): Promise<BackupCopy | null> {
  const candidates: Candidate[] = [];
  if (failedFile === journalPathOf(file)) candidates.push({ file, kind: 'compacted' });
  candidates.push({ file: backupPathOf(file), kind: 'previous' });
  for (const snapshot of await listSnapshots(file)) candidates.push({ file: snapshot, kind: 'snapshot' });

  let best: { backup: BackupCopy; changes: number } | null = null;
  for (const candidate of candidates) {
    const changes = await changesHeldBy(doc, candidate.file);
    if (changes === null) continue;
    // On a tie the earlier candidate wins: the compacted file, then .bak, then the backups/ copies.
    if (best && changes <= best.changes) continue;
    const savedAt = (await stat(candidate.file)).mtime.toISOString();
    best = { backup: { file: candidate.file, kind: candidate.kind, savedAt }, changes };
  }
  return best?.backup ?? null;
}

/**
 * The number of changes a copy holds when it would open cleanly (parses, checksum, a version this Keyhaven reads,
 * the document's shape, after its migrations for an older copy); null otherwise.
 */
export async function changesHeldBy(doc: DocumentCheck, file: string): Promise<number | null> {
  let data: unknown;
  try {
    data = decodeDocument(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const version = schemaVersionOf(data);
  if (version === undefined || version > doc.schemaVersion) return null;
  if (doc.validate && (version === doc.schemaVersion || doc.migrations)) {
    try {
      doc.validate(
        version === doc.schemaVersion ? data : migrate(data, version, doc.schemaVersion, doc.migrations ?? {}),
      );
    } catch {
      return null;
    }
  }
  const seq = (data as { journalSeq?: unknown }).journalSeq;
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : 0;
}
