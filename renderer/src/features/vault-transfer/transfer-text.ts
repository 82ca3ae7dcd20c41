import type { ImportSummary } from '../../../../shared/domain/vault';

const count = (n: number) => n.toLocaleString('en-US');
export const entriesText = (n: number) => `${count(n)} ${n === 1 ? 'entry' : 'entries'}`;

/** What an export covers: `the vault "Team", 12 entries` or `3 selected entries of the vault "Team"`. */
export function exportScopeText(vaultName: string, vaultEntryCount: number, entryIds?: readonly string[]): string {
  if (entryIds)
    return `${count(entryIds.length)} selected ${entryIds.length === 1 ? 'entry' : 'entries'} of the vault "${vaultName}"`;
  return `the vault "${vaultName}", ${entriesText(vaultEntryCount)}`;
}

export const summaryText = (s: ImportSummary) =>
  `Added ${count(s.added)}, replaced ${count(s.replaced)}, kept both ${count(s.keptBoth)}, skipped ${count(s.skipped)}.`;

export const PASSPHRASE_WARNING =
  'Keyhaven cannot recover this passphrase: without it, nobody can open the file. Share it separately from the file — for example, send the file by email and say the passphrase in person or on a call.';
