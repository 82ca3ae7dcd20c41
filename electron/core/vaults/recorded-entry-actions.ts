import type { TagEntriesInput, TransferEntriesInput, TransferResult } from '../../../shared/domain/entry-actions';
import type { EntryView } from '../../../shared/domain/vault';
import type { ActivityEvent } from '../activity/activity-event';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { Vaults } from './vaults';

/**
 * The entry page's and the bulk bar's actions, each recorded in the activity log with the same rule as
 * RecordedVaultActions: the change is committed to vaults.json first, then its records (one per entry,
 * naming vaults and entries, never a key) to keyhaven.json; a record that cannot be written fails the call.
 */
export class RecordedEntryActions {
  constructor(
    private readonly db: Pick<KeyhavenDb, 'record'>,
    /** The vaults, or a PartUnavailableError when vaults.json could not be opened. */
    private readonly vaults: () => Vaults,
  ) {}

  /** Move or copy: recorded in the target vault, naming where each key came from. */
  async transfer(input: TransferEntriesInput): Promise<TransferResult> {
    const { vaults, moves } = this.vaults();
    const { entries, from } = await moves.transfer(input);
    const target = vaults.summary(input.toVaultId);
    const sourceNames = new Map(vaults.listVaults().map((vault) => [vault.id, vault.name]));
    const events = entries.map((entry, at): ActivityEvent => {
      const source = from[at];
      const fromVault = sourceNames.get(source?.vaultId ?? '') ?? 'another vault';
      const was = source && source.name !== entry.name ? ` (as "${entry.name}")` : '';
      const summary =
        input.mode === 'move'
          ? `Vault "${target.name}": key "${source?.name ?? entry.name}" moved here from vault "${fromVault}"${was}`
          : `Vault "${target.name}": key "${source?.name ?? entry.name}" copied here from vault "${fromVault}"${was}`;
      return {
        type: input.mode === 'move' ? 'entry.updated' : 'entry.added',
        appId: null,
        vaultId: target.id,
        entryId: entry.id,
        summary,
      };
    });
    await this.db.record(events);
    return { entries };
  }

  /** Bulk delete, with Undo for a few seconds (deleted-entries.ts). */
  async deleteMany(entryIds: readonly string[]): Promise<{ deleted: number }> {
    const deleted = await this.vaults().deleted.deleteMany(entryIds);
    await this.db.record(deleted.map((entry) => this.entryEvent('entry.removed', entry, 'removed')));
    return { deleted: deleted.length };
  }

  async restoreMany(entryIds: readonly string[]): Promise<EntryView[]> {
    const restored = await this.vaults().deleted.restoreMany(entryIds);
    await this.db.record(restored.map((entry) => this.entryEvent('entry.added', entry, 'restored (Undo)')));
    return restored;
  }

  /** Bulk tag: entries already as asked are neither written nor recorded; returns every chosen entry. */
  async tag(input: TagEntriesInput): Promise<EntryView[]> {
    const { edits, entries } = this.vaults();
    const changes = await edits.tag(input);
    await this.db.record(
      changes.map(({ entry, added, removed }) => {
        const words = [
          ...(added.length > 0 ? [`tagged ${added.map((tag) => `"${tag}"`).join(', ')}`] : []),
          ...(removed.length > 0 ? [`untagged ${removed.map((tag) => `"${tag}"`).join(', ')}`] : []),
        ];
        return this.entryEvent('entry.updated', entry, words.join('; '));
      }),
    );
    return [...new Set(input.entryIds)].map((id) => entries.get(id));
  }

  /** A previous version back as the current key: recorded as a replacement, like a new key pasted. */
  async restoreVersion(input: { entryId: string; version: number }): Promise<EntryView> {
    const { entry, from } = await this.vaults().edits.restoreVersion(input);
    await this.db.record([
      // entryEvent already says `key "<name>"`: the wording goes on from there.
      this.entryEvent('entry.replaced', entry, `replaced by its version ${from} (now version ${entry.secretVersion})`),
    ]);
    return entry;
  }

  private entryEvent(type: ActivityEvent['type'], entry: EntryView, what: string): ActivityEvent {
    const vault = this.vaults().vaults.summary(entry.vaultId);
    return {
      type,
      appId: null,
      vaultId: vault.id,
      entryId: entry.id,
      summary: `Vault "${vault.name}": key "${entry.name}" ${what}`,
    };
  }
}
