import { ENTRY_UNDO_SECONDS, type EntryView } from '../../../shared/domain/vault';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { requireEntry, toView } from './entry-service';
import type { EntryRecord } from './vault-schema';
import { assertWritable, type VaultService } from './vault-service';

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
    await this.deleteMany([entryId]);
  }

  /** Bulk delete: every chosen entry in one commit (all or none), each restorable within the delay. */
  async deleteMany(entryIds: readonly string[]): Promise<EntryView[]> {
    this.forgetExpired();
    const ids = [...new Set(entryIds)];
    const records = await this.vaults.db.commit((data) => {
      const entries = ids.map((id) => requireEntry(data, id));
      for (const entry of entries) assertWritable(data, entry.vaultId);
      const ops = ids.map((id) => ({ type: 'entry.delete' as const, id }));
      return { ops, result: entries.map((entry) => structuredClone(entry)) };
    });
    const until = this.clock.now().getTime() + UNDO_MS;
    for (const record of records) this.recent.set(record.id, { record, until });
    const now = this.clock.now().toISOString();
    return records.map((record) => toView(record, now));
  }

  /** Undo of a bulk delete: the entries still restorable come back in one commit; NOT_FOUND if none. */
  async restoreMany(entryIds: readonly string[]): Promise<EntryView[]> {
    this.forgetExpired();
    const records = [...new Set(entryIds)].flatMap((id) => {
      const deleted = this.recent.get(id);
      return deleted ? [deleted.record] : [];
    });
    if (records.length === 0) {
      throw new CoreError(
        'NOT_FOUND',
        `The deleted keys can no longer be restored: Undo lasts ${ENTRY_UNDO_SECONDS} seconds.`,
      );
    }
    for (const record of records) this.assertIntact(record);
    const restored = await this.vaults.db.commit((data) => {
      const back = records.filter(
        (record) =>
          data.vaults.some((vault) => vault.id === record.vaultId) &&
          !data.entries.some((entry) => entry.id === record.id),
      );
      return { ops: back.map((entry) => ({ type: 'entry.insert' as const, entry })), result: back };
    });
    for (const record of records) this.recent.delete(record.id);
    const now = this.clock.now().toISOString();
    return restored.map((record) => toView(record, now));
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
