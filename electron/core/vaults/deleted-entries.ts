import { ENTRY_UNDO_SECONDS, type EntryView } from '../../../shared/domain/vault';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { requireEntry, toView } from './entry-service';
import type { EntryRecord } from './vault-schema';
import type { VaultService } from './vault-service';

const UNDO_MS = ENTRY_UNDO_SECONDS * 1000;

/**
 * Delete with Undo. The deletion is real at once (the file, other processes and exports no longer
 * have the entry); the sealed record — key, history and seal, never a plaintext — stays in this
 * process's memory for ENTRY_UNDO_SECONDS, and Undo puts that very record back, so the key, its
 * history and its id are as they were. The page only ever names the entry.
 */
export class DeletedEntries {
  private readonly recent = new Map<string, { record: EntryRecord; until: number }>();

  constructor(
    private readonly vaults: VaultService,
    private readonly clock: Clock,
    /** Refuses to bring back an entry whose settings were changed outside Keyhaven (entry-seal.ts). */
    private readonly assertIntact: (entry: EntryRecord) => void,
  ) {}

  async delete(entryId: string): Promise<void> {
    this.forgetExpired();
    const record = await this.vaults.db.commit((data) => {
      const entry = requireEntry(data, entryId);
      return { ops: [{ type: 'entry.delete', id: entryId }], result: structuredClone(entry) };
    });
    this.recent.set(entryId, { record, until: this.clock.now().getTime() + UNDO_MS });
  }

  /** Undo: the deleted entry back in its vault, once, within the delay. */
  async restore(entryId: string): Promise<EntryView> {
    this.forgetExpired();
    const deleted = this.recent.get(entryId);
    if (!deleted) {
      throw new CoreError(
        'NOT_FOUND',
        `The deleted key can no longer be restored: Undo lasts ${ENTRY_UNDO_SECONDS} seconds.`,
      );
    }
    const { record } = deleted;
    this.assertIntact(record);
    const restored = await this.vaults.db.commit((data) => {
      if (!data.vaults.some((vault) => vault.id === record.vaultId)) {
        throw new CoreError('NOT_FOUND', `"${record.name}" cannot be restored: its vault was deleted.`);
      }
      // Put back by another window's Undo meanwhile: nothing to add twice.
      if (data.entries.some((entry) => entry.id === record.id)) return { ops: [], result: record };
      return { ops: [{ type: 'entry.insert', entry: record }], result: record };
    });
    this.recent.delete(entryId);
    return toView(restored, this.clock.now().toISOString());
  }

  private forgetExpired(): void {
    const now = this.clock.now().getTime();
    for (const [id, deleted] of this.recent) if (deleted.until <= now) this.recent.delete(id);
  }
}
