import {
  restoreVersionInputSchema,
  tagEntriesInputSchema,
  type TagEntriesInput,
} from '../../../shared/domain/entry-actions';
import { TAGS_MAX, type EntryView } from '../../../shared/domain/vault';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { liveHistory, requireEntry, toView, type EntryService } from './entry-service';
import { open, vaultAad } from './sealed-box';
import { parseInput } from './vault-input';
import type { EntryPatch, VaultOp } from './vault-ops';
import { assertWritable, requireVault, type VaultService } from './vault-service';

/** A tags change on one entry, for the activity record. */
export interface TagChange {
  entry: EntryView;
  added: string[];
  removed: string[];
}

/**
 * Edits of the entry page and of the bulk bar that are not a plain field update: tags added to and
 * removed from many entries in one commit, and a previous version restored as the current key.
 */
export class EntryEdits {
  constructor(
    private readonly vaults: VaultService,
    private readonly entries: EntryService,
    private readonly clock: Clock,
  ) {}

  /**
   * Each entry gains the tags it lacks from `add` (compared without regard to case, in the order given)
   * and loses those in `remove`. An entry left unchanged is not written. Metadata only: works locked.
   */
  async tag(input: TagEntriesInput): Promise<TagChange[]> {
    const { entryIds, add, remove } = parseInput(tagEntriesInputSchema, input);
    const removing = new Set(remove.map((tag) => tag.toLowerCase()));
    return this.vaults.db.commit((data) => {
      const now = this.clock.now().toISOString();
      const ops: VaultOp[] = [];
      const changes: TagChange[] = [];
      for (const id of new Set(entryIds)) {
        const entry = requireEntry(data, id);
        assertWritable(data, entry.vaultId);
        const kept = entry.tags.filter((tag) => !removing.has(tag.toLowerCase()));
        const have = new Set(kept.map((tag) => tag.toLowerCase()));
        const added = add.filter((tag) => !have.has(tag.toLowerCase()) && have.add(tag.toLowerCase()));
        const tags = [...kept, ...added];
        if (tags.length > TAGS_MAX) {
          throw new CoreError('INVALID_INPUT', `"${entry.name}" would have more than ${TAGS_MAX} tags.`);
        }
        const removed = entry.tags.filter((tag) => removing.has(tag.toLowerCase()));
        if (added.length === 0 && removed.length === 0) continue;
        const patch: EntryPatch = { tags, updatedAt: now };
        ops.push({ type: 'entry.patch', id, patch });
        changes.push({ entry: toView({ ...entry, ...patch }, now), added, removed });
      }
      return { ops, result: changes };
    });
  }

  /**
   * Restore: the chosen version's value becomes a new current version (so nothing is lost: the value
   * it replaces goes to history like any new key). Needs the vault unlocked.
   */
  async restoreVersion(input: { entryId: string; version: number }): Promise<{ entry: EntryView; from: number }> {
    const { entryId, version } = parseInput(restoreVersionInputSchema, input);
    return this.vaults.db.commit((data) => {
      const entry = requireEntry(data, entryId);
      assertWritable(data, entry.vaultId);
      const key = this.vaults.keyOf(requireVault(data, entry.vaultId));
      const now = this.clock.now().toISOString();
      if (version === entry.secretVersion) {
        throw new CoreError('INVALID_INPUT', `Version ${version} is already the current key.`);
      }
      const item = liveHistory(entry.history, now).find((candidate) => candidate.version === version);
      if (!item) throw new CoreError('NOT_FOUND', `Version ${version} of this entry is no longer kept.`);
      const value = open(key, item.sealed, vaultAad(entry.vaultId, entry.id, 'history', version));
      const patch: EntryPatch = { ...this.entries.newVersion(data, entry, value, null), updatedAt: now };
      return {
        ops: [{ type: 'entry.patch', id: entryId, patch }],
        result: { entry: toView({ ...entry, ...patch }, now), from: version },
      };
    });
  }
}
