/**
 * The copy a "Restore the backup" would use: the newest one that opens cleanly. Candidates, when the
 * file exists and parses: the data file itself when only its change journal is damaged (the last full
 * save), `<file>.bak` (the version before the last full save) and the copies in `backups/` (taken at
 * each open). "Newest" is by content, not by date: each copy records how many changes it holds
 * (`journalSeq`), so the copy holding the most changes wins, whatever its file time says.
 */
import { readFile, stat } from 'node:fs/promises';
import type { DataBackup } from '../../../shared/domain/data-recovery';
import { backupPathOf } from '../storage/atomic-write';
import { schemaVersionOf } from '../storage/migrate-document';
import { listSnapshots } from '../storage/snapshots';
import type { DataDocument } from './data-documents';
import { journalPathOf } from './data-documents';

interface Candidate {
  file: string;
  kind: DataBackup['kind'];
}

/** `failedFile`: the file the store refused (the data file or its journal). */
export async function findRestorableBackup(
  doc: DataDocument,
  file: string,
  failedFile: string,
): Promise<DataBackup | null> {
  const candidates: Candidate[] = [];
  if (failedFile === journalPathOf(file)) candidates.push({ file, kind: 'compacted' });
  candidates.push({ file: backupPathOf(file), kind: 'previous' });
  for (const snapshot of await listSnapshots(file)) candidates.push({ file: snapshot, kind: 'snapshot' });

  let best: { backup: DataBackup; changes: number } | null = null;
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
 * The number of changes a copy holds when it would open cleanly (parses, a version this Keyhaven reads,
 * the document's shape); null otherwise. Older versions are accepted: opening migrates them.
 */
export async function changesHeldBy(doc: DataDocument, file: string): Promise<number | null> {
  let data: unknown;
  try {
    const text = await readFile(file, 'utf8');
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return null;
  }
  const version = schemaVersionOf(data);
  if (version === undefined || version > doc.schemaVersion) return null;
  if (version === doc.schemaVersion) {
    try {
      doc.validate(data);
    } catch {
      return null;
    }
  }
  const seq = (data as { journalSeq?: unknown }).journalSeq;
  return typeof seq === 'number' && Number.isInteger(seq) && seq >= 0 ? seq : 0;
}
