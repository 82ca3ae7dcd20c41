import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Clock } from '../clock';
import { CoreError } from '../errors';
import { liveHistory, type EntryService } from './entry-service';
import { openExport, sealExport } from './export-format';
import { MIN_EXPORT_SCORE, passphraseStrength } from '../../../shared/security/passphrase-strength';
import {
  entryHistoryItemSchema,
  type ConflictChoice,
  type ImportPreview,
  type ImportSummary,
} from '../../../shared/domain/vault';
import { open, seal, vaultAad } from './sealed-box';
import type { VaultOp } from './vault-ops';
import { entryRecordSchema, type EntryRecord, type VaultFile } from './vault-schema';
import { requireVault, type VaultService } from './vault-service';

/**
 * An entry as exported: its metadata, and its secret and history in plaintext (inside the encrypted
 * file). Built from the storage schemas, so import accepts exactly what a vault can hold.
 */
const exportedEntrySchema = entryRecordSchema.omit({ vaultId: true, secret: true, history: true }).extend({
  secret: z.string(),
  history: z.array(z.strictObject({ ...entryHistoryItemSchema.shape, value: z.string() })),
});
const payloadSchema = z.strictObject({ vaultName: z.string(), entries: z.array(exportedEntrySchema) });
type ExportedEntry = z.infer<typeof exportedEntrySchema>;

export interface ImportChoices {
  /** Per imported entry id; entries not listed get `otherwise` (default skip). */
  choices?: Record<string, ConflictChoice>;
  otherwise?: ConflictChoice;
}

/**
 * Team hand-off: a vault (or chosen entries) to a passphrase-encrypted file, and back into a chosen
 * vault. Import decrypts and validates the whole file, then writes every entry in one commit (one
 * journal line), so a wrong passphrase, a damaged file or a crash leaves the vault exactly as it was.
 */
export class VaultTransfer {
  constructor(
    private readonly vaults: VaultService,
    private readonly entries: EntryService,
    private readonly clock: Clock,
  ) {}

  async exportVault(vaultId: string, passphrase: string, options: { entryIds?: string[]; scryptN?: number } = {}) {
    const strength = passphraseStrength(passphrase);
    if (strength.score < MIN_EXPORT_SCORE) throw new CoreError('INVALID_INPUT', strength.feedback);
    const data = this.vaults.db.snapshot();
    const vault = requireVault(data, vaultId);
    const key = this.vaults.keyOf(vault);
    const wanted = options.entryIds ? new Set(options.entryIds) : null;
    const chosen = data.entries.filter((e) => e.vaultId === vaultId && (!wanted || wanted.has(e.id)));
    const exported: ExportedEntry[] = chosen.map(({ vaultId: _v, secret, history, ...rest }) => ({
      ...rest,
      secret: open(key, secret, vaultAad(vaultId, rest.id, 'secret', rest.secretVersion)),
      history: liveHistory(history, this.clock.now().toISOString()).map((item) => ({
        version: item.version,
        replacedAt: item.replacedAt,
        keepUntil: item.keepUntil,
        value: open(key, item.sealed, vaultAad(vaultId, rest.id, 'history', item.version)),
      })),
    }));
    const payload = JSON.stringify({ vaultName: vault.name, entries: exported });
    const file = await sealExport(payload, passphrase, {
      now: this.clock.now(),
      entryCount: exported.length,
      ...(options.scryptN ? { scryptN: options.scryptN } : {}),
    });
    return { file, entryCount: exported.length };
  }

  /** Decrypts and lists what would clash in the target vault, so the UI can ask per entry. */
  async previewImport(vaultId: string, file: Buffer, passphrase: string): Promise<ImportPreview> {
    const { header, vaultName, entries: imported } = await this.read(file, passphrase);
    const data = this.vaults.db.snapshot();
    requireVault(data, vaultId);
    const conflicts: ImportPreview['conflicts'] = [];
    for (const entry of imported) {
      const existing = findConflict(data, vaultId, entry);
      if (existing) conflicts.push({ importedId: entry.id, name: entry.name, existingId: existing.id });
    }
    return {
      vaultName,
      exportedAt: header.exportedAt,
      entryCount: imported.length,
      entries: imported.map((entry) => ({ importedId: entry.id, name: entry.name, service: entry.service })),
      conflicts,
    };
  }

  async importInto(vaultId: string, file: Buffer, passphrase: string, how: ImportChoices = {}): Promise<ImportSummary> {
    const { entries: imported } = await this.read(file, passphrase);
    // One keychain read; a vault that was locked is locked again afterwards.
    return this.vaults.withUnlocked([vaultId], () => this.commitImport(vaultId, imported, how));
  }

  private commitImport(vaultId: string, imported: ExportedEntry[], how: ImportChoices): Promise<ImportSummary> {
    return this.vaults.db.commit((data) => {
      const key = this.vaults.keyOf(requireVault(data, vaultId));
      const summary: ImportSummary = { added: 0, replaced: 0, skipped: 0, keptBoth: 0 };
      const ops: VaultOp[] = [];
      const usedIds = new Set(data.entries.map((e) => e.id));
      // An existing entry replaced twice in one import (two imported entries match it) keeps every
      // value: the second replacement builds on the first, whose value moves to history.
      const replacedSoFar = new Map<string, EntryRecord>();
      const insert = (entry: ExportedEntry, name: string) => {
        const id = usedIds.has(entry.id) ? randomUUID() : entry.id;
        usedIds.add(id);
        ops.push({ type: 'entry.insert', entry: this.reseal(key, vaultId, id, { ...entry, name }) });
      };
      for (const entry of imported) {
        const existing = findConflict(data, vaultId, entry);
        const choice = existing ? (how.choices?.[entry.id] ?? how.otherwise ?? 'skip') : null;
        if (choice === null) {
          insert(entry, entry.name);
          summary.added++;
        } else if (choice === 'skip') {
          summary.skipped++;
        } else if (choice === 'keepBoth') {
          insert(entry, freeName(data, vaultId, entry.name, ops));
          summary.keptBoth++;
        } else if (existing) {
          // Replace: the existing value moves to history like any update; imported history is not merged.
          const { id: _i, createdAt: _c, kind: _k, secret, secretVersion: _s, history: _h, ...metadata } = entry;
          const base = replacedSoFar.get(existing.id) ?? existing;
          const version = this.entries.newVersion(data, base, secret, null);
          const patch = { ...metadata, ...version };
          replacedSoFar.set(existing.id, { ...base, ...patch });
          ops.push({ type: 'entry.patch', id: existing.id, patch });
          summary.replaced++;
        }
      }
      return { ops, result: summary };
    });
  }

  private async read(file: Buffer, passphrase: string) {
    const { header, payload } = await openExport(file, passphrase);
    let parsed: z.infer<typeof payloadSchema>;
    try {
      parsed = payloadSchema.parse(JSON.parse(payload));
    } catch {
      throw new CoreError('INVALID_INPUT', 'This export opened, but its contents are not valid. Nothing was imported.');
    }
    if (parsed.entries.length !== header.entryCount) {
      throw new CoreError('INVALID_INPUT', 'This export is incomplete. Nothing was imported.');
    }
    return { header, vaultName: parsed.vaultName, entries: parsed.entries };
  }

  private reseal(key: Buffer, vaultId: string, id: string, entry: ExportedEntry): EntryRecord {
    return {
      ...entry,
      id,
      vaultId,
      secret: seal(key, entry.secret, vaultAad(vaultId, id, 'secret', entry.secretVersion)),
      history: entry.history.map((item) => ({
        version: item.version,
        replacedAt: item.replacedAt,
        keepUntil: item.keepUntil,
        sealed: seal(key, item.value, vaultAad(vaultId, id, 'history', item.version)),
      })),
    };
  }
}

/** "Pyas (imported)", or "Pyas (imported 2)"… when that name is taken too (the same file imported twice). */
function freeName(data: Readonly<VaultFile>, vaultId: string, name: string, planned: VaultOp[]): string {
  const taken = new Set(data.entries.filter((e) => e.vaultId === vaultId).map((e) => e.name.toLowerCase()));
  for (const op of planned) if (op.type === 'entry.insert') taken.add(op.entry.name.toLowerCase());
  for (let n = 1; ; n++) {
    const candidate = `${name} (imported${n === 1 ? '' : ` ${n}`})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

function findConflict(data: Readonly<VaultFile>, vaultId: string, entry: ExportedEntry): EntryRecord | undefined {
  const name = entry.name.toLowerCase();
  return data.entries.find((e) => e.vaultId === vaultId && (e.id === entry.id || e.name.toLowerCase() === name));
}
