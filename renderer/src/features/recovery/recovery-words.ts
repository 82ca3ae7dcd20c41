import type { DataBackup, DataPart, DataProblem } from '../../../../shared/domain/data-recovery';
import { formatAbsolute } from '../../lib/time';

/** The words the recovery banner, page and dialogs use for each part, in one place. */
export const PART_WORDS: Record<
  DataPart,
  { title: string; works: string; startEmpty: string; startEmptyBusy: string; restored: string; emptied: string }
> = {
  keys: {
    title: 'Keyhaven cannot open its data',
    works: 'Nothing else can open until it is repaired: your apps and issued keys live in this file.',
    startEmpty: '',
    startEmptyBusy: '',
    restored: 'Your apps and keys were restored from the backup',
    emptied: '',
  },
  vaults: {
    title: 'Your vaults could not be opened',
    works: 'Issuing keys, the console and everything else keep working.',
    startEmpty: 'Start with no vaults',
    startEmptyBusy: 'Starting…',
    restored: 'Your vaults were restored from the backup',
    emptied: 'Keyhaven started with a new, empty vault',
  },
  console: {
    title: "The console's history and saved requests could not be opened",
    works: 'Vaults, issuing keys and everything else keep working.',
    startEmpty: 'Start with an empty history',
    startEmptyBusy: 'Starting…',
    restored: "The console's history and saved requests were restored from the backup",
    emptied: 'The console started with an empty history and no saved requests',
  },
};

const BACKUP_KINDS: Record<DataBackup['kind'], string> = {
  previous: 'the version before the last full save',
  snapshot: 'the copy taken when Keyhaven last opened the file',
  compacted: 'the last full save, without the damaged change journal',
};

export function describeBackup(backup: DataBackup): string {
  return `${BACKUP_KINDS[backup.kind]}, saved ${formatAbsolute(backup.savedAt)}`;
}

/** The file name alone, for titles; the full path is shown beside it. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** What to do when no button can help. */
export function manualAdvice(problem: DataProblem): string {
  switch (problem.kind) {
    case 'newer':
      return 'Update Keyhaven to open it; the file was left untouched.';
    case 'busy':
      return 'Wait for the other Keyhaven to finish (or quit it), then try again.';
    case 'io':
      return 'Check that the disk is not full and that the folder is readable and writable, then try again.';
    case 'damaged':
      return problem.backup
        ? ''
        : 'No backup of it opens cleanly. Replace it from a copy of your own (a system backup), then restart Keyhaven.';
  }
}
