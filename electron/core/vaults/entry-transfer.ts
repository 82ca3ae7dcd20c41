import { randomUUID } from 'node:crypto';
import { transferEntriesInputSchema, type TransferEntriesInput } from '../../../shared/domain/entry-actions';
import type { EntryView } from '../../../shared/domain/vault';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { requireEntry, toView } from './entry-service';
import { open, seal, vaultAad } from './sealed-box';
import { parseInput } from './vault-input';
import type { VaultOp } from './vault-ops';
import type { EntryRecord } from './vault-schema';
import { assertWritable, requireVault, type VaultService } from './vault-service';

/**
 * Move and copy entries between vaults. A key is sealed under its vault's data key with its vault and
 * entry ids in the AAD, so it cannot just be relabelled: each value (and each kept previous version)
 * is opened with the source vault's key and sealed again with the target's, in one commit — a crash
 * leaves every entry where it was. Both vaults must be unlocked (the user is looking at them).
 * A moved entry keeps its id, so `kh://` references by id and an issued key's link still find it.
 */
export class EntryTransfer {
  constructor(
    private readonly vaults: VaultService,
    private readonly clock: Clock,
    /** A tampered entry is not carried into another vault under a fresh seal (entry-seal.ts). */
    private readonly assertIntact: (entry: EntryRecord) => void,
  ) {}

  async transfer(input: TransferEntriesInput): Promise<{ entries: EntryView[]; from: EntryRecord[] }> {
    const { entryIds, toVaultId, mode } = parseInput(transferEntriesInputSchema, input);
    return this.vaults.db.commit((data) => {
      const target = requireVault(data, toVaultId);
      assertWritable(data, toVaultId);
      const targetKey = this.vaults.keyOf(target);
      const chosen = [...new Set(entryIds)].map((id) => requireEntry(data, id));
      if (mode === 'move' && chosen.some((entry) => entry.vaultId === toVaultId)) {
        throw new CoreError('INVALID_INPUT', `Some of these keys are already in "${target.name}".`);
      }
      const names = new Set(data.entries.filter((e) => e.vaultId === toVaultId).map((e) => e.name.toLowerCase()));
      const now = this.clock.now().toISOString();
      const ops: VaultOp[] = [];
      const moved: EntryRecord[] = [];
      for (const entry of chosen) {
        if (mode === 'move') assertWritable(data, entry.vaultId);
        this.assertIntact(entry);
        const sourceKey = this.vaults.keyOf(requireVault(data, entry.vaultId));
        const id = mode === 'move' ? entry.id : randomUUID();
        const name = freeName(names, entry.name);
        names.add(name.toLowerCase());
        const record = reseal(entry, { sourceKey, targetKey, vaultId: toVaultId, id });
        const placed: EntryRecord =
          mode === 'move' ? { ...record, name } : { ...record, name, createdAt: now, updatedAt: now };
        if (mode === 'move') ops.push({ type: 'entry.delete', id: entry.id });
        ops.push({ type: 'entry.insert', entry: placed });
        moved.push(placed);
      }
      const entries = moved.map((entry) => toView(entry, now));
      return { ops, result: { entries, from: chosen.map((entry) => structuredClone(entry)) } };
    });
  }
}

/** The entry with its value and history opened with the source vault's key and sealed for the target. */
function reseal(
  entry: EntryRecord,
  to: { sourceKey: Buffer; targetKey: Buffer; vaultId: string; id: string },
): EntryRecord {
  const move = (box: EntryRecord['secret'], field: 'secret' | 'history', version: number) =>
    seal(
      to.targetKey,
      open(to.sourceKey, box, vaultAad(entry.vaultId, entry.id, field, version)),
      vaultAad(to.vaultId, to.id, field, version),
    );
  const { seal: _seal, ...rest } = entry;
  return {
    ...rest,
    id: to.id,
    vaultId: to.vaultId,
    secret: move(entry.secret, 'secret', entry.secretVersion),
    history: entry.history.map((item) => ({ ...item, sealed: move(item.sealed, 'history', item.version) })),
  };
}

/** The name itself when free in the target vault, else "Name (2)", "Name (3)"… */
function freeName(taken: ReadonlySet<string>, name: string): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
