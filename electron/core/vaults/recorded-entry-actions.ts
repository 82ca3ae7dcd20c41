import type { TagEntriesInput, TransferEntriesInput, TransferResult } from '../../../shared/domain/entry-actions';
import type { EntryView, VaultSummary } from '../../../shared/domain/vault';
import type { ActivityEvent } from '../activity/activity-event';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { notFound } from '../errors';
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
    const vaults = this.vaults();
    const deleted = await vaults.deleted.deleteMany(entryIds);
    const byId = vaultsById(vaults);
    await this.db.record(deleted.map((entry) => entryEvent(byId, 'entry.removed', entry, 'removed')));
    return { deleted: deleted.length };
  }

  async restoreMany(entryIds: readonly string[]): Promise<EntryView[]> {
    const vaults = this.vaults();
    const restored = await vaults.deleted.restoreMany(entryIds);
    const byId = vaultsById(vaults);
    await this.db.record(restored.map((entry) => entryEvent(byId, 'entry.added', entry, 'restored (Undo)')));
    return restored;
  }

  /** Bulk tag: entries already as asked are neither written nor recorded; returns every chosen entry. */
  async tag(input: TagEntriesInput): Promise<EntryView[]> {
    const vaults = this.vaults();
    const { edits, entries } = vaults;
    const changes = await edits.tag(input);
    const byId = vaultsById(vaults);
    await this.db.record(
      changes.map(({ entry, added, removed }) => {
        const words = [
          ...(added.length > 0 ? [`tagged ${added.map((tag) => `"${tag}"`).join(', ')}`] : []),
          ...(removed.length > 0 ? [`untagged ${removed.map((tag) => `"${tag}"`).join(', ')}`] : []),
        ];
        return entryEvent(byId, 'entry.updated', entry, words.join('; '));
      }),
    );
    return [...new Set(input.entryIds)].map((id) => entries.get(id));
  }

  /** A previous version back as the current key: recorded as a replacement, like a new key pasted. */
  async restoreVersion(input: { entryId: string; version: number }): Promise<EntryView> {
    const vaults = this.vaults();
    const { entry, from } = await vaults.edits.restoreVersion(input);
    await this.db.record([
      // entryEvent already says `key "<name>"`: the wording goes on from there.
      entryEvent(
        vaultsById(vaults),
        'entry.replaced',
        entry,
        `replaced by its version ${from} (now version ${entry.secretVersion})`,
      ),
    ]);
    return entry;
  }
}

/**
 * The vaults by id, listed once per call after its change: VaultService.summary lists every vault (and
 * counts every entry) again, which once per record made a bulk action's records quadratic.
 */
function vaultsById(vaults: Vaults): ReadonlyMap<string, VaultSummary> {
  return new Map(vaults.vaults.listVaults().map((vault) => [vault.id, vault]));
}

function entryEvent(
  byId: ReadonlyMap<string, VaultSummary>,
  type: ActivityEvent['type'],
  entry: EntryView,
  what: string,
): ActivityEvent {
  const vault = byId.get(entry.vaultId);
  if (!vault) throw notFound('The vault'); // as VaultService.summary would
  return {
    type,
    appId: null,
    vaultId: vault.id,
    entryId: entry.id,
    summary: `Vault "${vault.name}": key "${entry.name}" ${what}`,
  };
}
