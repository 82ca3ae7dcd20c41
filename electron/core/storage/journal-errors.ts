/**
 * The StorageErrors a journaled store raises about its journal. Like every storage message they name
 * the files and the line, say that nothing was changed and what to do, and never quote an entry (it may
 * hold key hashes); a validation or apply error is attached as `cause`, as for the data file.
 */
import { basename } from 'node:path';
import { StorageError } from './storage-error';

/** How to get back to a state Keyhaven can open when the journal is the problem. */
function setAside(journal: string, file: string): string {
  return (
    `To open the data as it was at its last compaction instead, quit Keyhaven and move ${journal} out of ` +
    `its folder (the changes recorded in it are then missing); ${file} itself is intact.`
  );
}

export function damagedLine(journal: string, file: string, line: number): StorageError {
  return new StorageError(
    'CORRUPT',
    journal,
    `Keyhaven's change journal ${journal} is damaged at line ${line}: the entry there is complete but does ` +
      `not verify, so it is not an interrupted save. Nothing was changed. ${setAside(journal, file)}`,
    { summary: `The change journal ${basename(journal)} is damaged at line ${line}.` },
  );
}

export function outOfSequence(journal: string, file: string, line: number, expected: number): StorageError {
  return new StorageError(
    'CORRUPT',
    journal,
    `Keyhaven's change journal ${journal} does not continue ${file}: the entry at line ${line} is not change ` +
      `number ${expected}, so changes are missing or repeated (one of the two files may have been restored ` +
      `from a copy). Nothing was changed. ${setAside(journal, file)}`,
    {
      summary: `The change journal ${basename(journal)} does not continue ${basename(file)}: changes are missing or repeated.`,
    },
  );
}

export function unreadableEntry(journal: string, file: string, line: number, cause: unknown): StorageError {
  return new StorageError(
    'CORRUPT',
    journal,
    `Keyhaven's change journal ${journal} holds an entry at line ${line} that this version of Keyhaven cannot ` +
      `apply (it may have been edited or damaged). Nothing was changed. ${setAside(journal, file)}`,
    {
      cause,
      summary: `The change journal ${basename(journal)} holds an entry at line ${line} that this version of Keyhaven cannot apply.`,
    },
  );
}

export function versionMismatch(journal: string, line: number, found: number, supported: number): StorageError {
  if (found > supported) {
    return new StorageError(
      'NEWER_VERSION',
      journal,
      `Keyhaven's change journal ${journal} holds changes written by a newer version of Keyhaven (data version ` +
        `${found} at line ${line}; this one understands up to ${supported}). It was left untouched. Update ` +
        `Keyhaven to open it.`,
      { summary: `The change journal ${basename(journal)} holds changes written by a newer version of Keyhaven.` },
    );
  }
  // Migrations run only on a compacted data file, and quitting always compacts: so this is an older
  // Keyhaven that stopped without quitting (crash, kill, power cut) followed by an upgrade.
  return new StorageError(
    'CORRUPT',
    journal,
    `Keyhaven's change journal ${journal} holds changes saved by an older version of Keyhaven (data version ` +
      `${found} at line ${line}) that were never folded into the data file, because that version stopped ` +
      `without quitting normally before this upgrade. Nothing was changed. Start that older version once and ` +
      `quit it normally (that folds the changes in), then start this version again.`,
    {
      summary: `The change journal ${basename(journal)} holds changes of an older Keyhaven that stopped without quitting normally.`,
    },
  );
}

export function orphanJournal(journal: string, file: string, entries: number): StorageError {
  return new StorageError(
    'CORRUPT',
    journal,
    `Keyhaven's data file ${file} is missing, but its change journal ${journal} holds ${entries} change(s) ` +
      `that belong on top of it. Nothing was changed. Restore ${file} (from ${file}.bak or the backups ` +
      `folder), or move ${journal} out of its folder to start with no data.`,
    {
      summary: `${basename(file)} is missing, but its change journal holds ${entries} change(s) that belong on top of it.`,
    },
  );
}
