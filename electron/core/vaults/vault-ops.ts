import { z } from 'zod';
import { vaultSettingsSchema } from '../../../shared/domain/vault';
import { teamLinkSchema } from '../../../shared/domain/team-link';
import { passphraseRecordSchema } from './passphrase-record';
import { entryRecordSchema, vaultRecordSchema, type VaultFile } from './vault-schema';

/**
 * Every change to `vaults.json`. Services plan ops from the current data; the journaled store applies
 * them and replays them after a restart, so `applyVaultOp` is deterministic and tolerant (an op on an
 * id that is gone does nothing). Ops carry sealed boxes only, so the journal never holds a secret.
 */
const entryPatchSchema = entryRecordSchema.omit({ id: true, vaultId: true, kind: true, createdAt: true }).partial();
export type EntryPatch = z.infer<typeof entryPatchSchema>;

export const vaultOpSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('vault.insert'), vault: vaultRecordSchema }),
  z.strictObject({ type: z.literal('vault.rename'), id: z.uuid(), name: vaultRecordSchema.shape.name }),
  // Deleting a vault deletes its entries in the same op: no orphan entry can survive a crash.
  z.strictObject({ type: z.literal('vault.delete'), id: z.uuid() }),
  /** Binds a vault to its team repository, updates what was last exchanged, or unbinds it (null). */
  z.strictObject({ type: z.literal('vault.team'), id: z.uuid(), team: teamLinkSchema.nullable() }),
  z.strictObject({ type: z.literal('entry.insert'), entry: entryRecordSchema }),
  z.strictObject({ type: z.literal('entry.patch'), id: z.uuid(), patch: entryPatchSchema }),
  z.strictObject({ type: z.literal('entry.delete'), id: z.uuid() }),
  /** Seals an entry from before seals existed, once (integrity/seal-source.ts); changes nothing else. */
  z.strictObject({ type: z.literal('entry.seal'), id: z.uuid(), seal: z.string() }),
  z.strictObject({ type: z.literal('settings.set'), settings: vaultSettingsSchema }),
  /** Sets, changes (a new salt and check) or removes (null) the Keyhaven passphrase. */
  z.strictObject({ type: z.literal('passphrase.set'), passphrase: passphraseRecordSchema.nullable() }),
  /** The first run's default vault is owed (true) or settled (false): see default-vault.ts. */
  z.strictObject({ type: z.literal('defaultVault.owed'), owed: z.boolean() }),
]);
export type VaultOp = z.infer<typeof vaultOpSchema>;

export function applyVaultOp(data: VaultFile, op: VaultOp): void {
  switch (op.type) {
    case 'vault.insert':
      data.vaults.push(op.vault);
      return;
    case 'vault.rename': {
      const vault = data.vaults.find((candidate) => candidate.id === op.id);
      if (vault) vault.name = op.name;
      return;
    }
    case 'vault.team': {
      const vault = data.vaults.find((candidate) => candidate.id === op.id);
      if (vault && op.team) vault.team = op.team;
      else if (vault) delete vault.team;
      return;
    }
    case 'vault.delete':
      data.vaults = data.vaults.filter((vault) => vault.id !== op.id);
      data.entries = data.entries.filter((entry) => entry.vaultId !== op.id);
      return;
    case 'entry.insert':
      data.entries.push(op.entry);
      return;
    case 'entry.patch': {
      const entry = data.entries.find((candidate) => candidate.id === op.id);
      if (entry) Object.assign(entry, op.patch);
      return;
    }
    case 'entry.seal': {
      const entry = data.entries.find((candidate) => candidate.id === op.id);
      if (entry && entry.seal === undefined) entry.seal = op.seal;
      return;
    }
    case 'entry.delete':
      data.entries = data.entries.filter((entry) => entry.id !== op.id);
      return;
    case 'settings.set':
      data.settings = { ...op.settings };
      return;
    case 'passphrase.set':
      data.passphrase = op.passphrase;
      return;
    case 'defaultVault.owed':
      if (op.owed) data.defaultVaultOwed = true;
      else delete data.defaultVaultOwed;
      return;
  }
}
