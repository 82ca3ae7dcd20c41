import { CoreError } from '../errors';
import type { RecordSealer } from '../integrity/record-sealer';
import type { SealSource } from '../integrity/seal-source';
import type { JournaledStore } from '../storage';
import type { EntryPatch, VaultOp } from './vault-ops';
import type { EntryRecord, VaultFile } from './vault-schema';

/**
 * What decides where an entry's key may go and how it is sent: the request console sends it only to
 * the allowed hosts, with the base URL and header scheme stored here. Sealed with the keychain's record
 * seal key (integrity/record-sealer.ts), so an edit of vaults.json cannot send a key to a new host.
 */
function sealedFields(entry: EntryRecord): unknown[] {
  return [entry.id, entry.vaultId, entry.kind, entry.issuedKeyId, entry.scheme, entry.baseUrl, entry.allowedHosts];
}

const SETTINGS: readonly (keyof EntryPatch)[] = ['scheme', 'baseUrl', 'allowedHosts'];

export const sealEntry = (sealer: RecordSealer, entry: EntryRecord): string =>
  sealer.seal('vault-entry', sealedFields(entry));

export const entrySealHolds = (sealer: RecordSealer, entry: EntryRecord): boolean =>
  sealer.matches('vault-entry', sealedFields(entry), entry.seal);

export function alteredEntryError(entry: Pick<EntryRecord, 'name'>): CoreError {
  return new CoreError(
    'TAMPERED',
    `The settings of "${entry.name}" (header, base URL, allowed hosts) were changed outside Keyhaven, so Keyhaven will not send or show its key. Open the entry, check its settings and save them to confirm.`,
  );
}

/**
 * Seals the entries a commit inserts or patches. Saving an entry's settings is the user confirming
 * them, so it seals an altered entry again; any other change to an altered entry (a rotation writing
 * a new value) is refused, or it would carry the outside change forward under a fresh seal.
 */
export function sealEntryOps(data: Readonly<VaultFile>, ops: VaultOp[], sealer: RecordSealer): VaultOp[] {
  const planned = new Map<string, EntryRecord>();
  return ops.map((op): VaultOp => {
    if (op.type === 'entry.insert') {
      const entry = { ...op.entry, seal: sealEntry(sealer, op.entry) };
      planned.set(entry.id, entry);
      return { ...op, entry };
    }
    if (op.type !== 'entry.patch') return op;
    const current = planned.get(op.id) ?? data.entries.find((entry) => entry.id === op.id);
    if (!current) return op;
    const confirms = SETTINGS.some((field) => op.patch[field] !== undefined);
    if (!planned.has(op.id) && !confirms && !entrySealHolds(sealer, current)) throw alteredEntryError(current);
    const next = { ...current, ...op.patch };
    const seal = sealEntry(sealer, next);
    planned.set(op.id, { ...next, seal });
    return { ...op, patch: { ...op.patch, seal } };
  });
}

export const touchesEntries = (ops: readonly VaultOp[]): boolean =>
  ops.some((op) => op.type === 'entry.insert' || op.type === 'entry.patch');

/** The entries' side of the record seal key: checking before use, and sealing a folder from before seals. */
export class EntrySeals {
  constructor(
    private readonly db: JournaledStore<VaultFile, VaultOp>,
    private readonly seals: SealSource,
  ) {}

  /** Before an entry's key leaves the vault (console, copy, show). */
  assertIntact(entry: EntryRecord): void {
    if (!entrySealHolds(this.seals.require(), entry)) throw alteredEntryError(entry);
  }

  hasSealed(): boolean {
    return this.db.snapshot().entries.some((entry) => entry.seal !== undefined);
  }

  async sealExisting(sealer: RecordSealer): Promise<void> {
    await this.db.commit((data) => ({
      ops: data.entries
        .filter((entry) => entry.seal === undefined)
        .map((entry) => ({ type: 'entry.seal' as const, id: entry.id, seal: sealEntry(sealer, entry) })),
      result: null,
    }));
  }
}
