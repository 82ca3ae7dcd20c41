import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import { notFound } from '../errors';
import { parsePastedKey } from './paste-parser';
import { open, seal, vaultAad } from './sealed-box';
import { presetScheme, type HeaderScheme } from './service-presets';
import {
  entryUpdateSchema,
  issuedKeyEntrySchema,
  newEntrySchema,
  parseInput,
  type EntryUpdateInput,
  type IssuedKeyEntryInput,
  type NewEntryInput,
} from './vault-input';
import type { EntryPatch } from './vault-ops';
import type { EntryMetadata, EntryRecord, VaultFile } from './vault-schema';
import { requireVault, type VaultService } from './vault-service';

/** What lists show: everything but the sealed boxes, available while the vault is locked. */
export type EntryView = Omit<EntryRecord, 'secret' | 'history'> & {
  history: { version: number; replacedAt: string; keepUntil: string | null }[];
};

/**
 * Vault entries. Writing a new secret needs the vault's data key: user edits need the vault unlocked
 * (LOCKED otherwise), while a Keyhaven-issued key unlocks on demand, because its plaintext exists only
 * at that moment. A replaced secret is kept, sealed, in history under its own version's AAD.
 */
export class EntryService {
  constructor(
    private readonly vaults: VaultService,
    private readonly clock: Clock,
  ) {}

  listEntries(vaultId: string): EntryView[] {
    const data = this.vaults.db.snapshot();
    requireVault(data, vaultId);
    return data.entries.filter((entry) => entry.vaultId === vaultId).map(toView);
  }

  async addEntry(vaultId: string, input: NewEntryInput): Promise<EntryView> {
    const parsed = parseInput(newEntrySchema, input);
    const pasted = parsePastedKey(parsed.secret);
    const preset = parsed.preset ?? 'custom';
    const scheme = parsed.scheme ?? pasted.scheme ?? presetScheme(preset) ?? { kind: 'bearer' };
    const metadata: EntryMetadata = {
      name: parsed.name,
      preset,
      scheme,
      baseUrl: parsed.baseUrl ?? null,
      allowedHosts: parsed.allowedHosts ?? [],
      tags: parsed.tags ?? [],
      notes: parsed.notes ?? '',
      expiresAt: parsed.expiresAt ?? null,
    };
    return this.insert(vaultId, metadata, pasted.key, null, false);
  }

  /** The wizard's "Save in vault": the issued key's plaintext, linked to its id. */
  async saveIssuedKey(vaultId: string, input: IssuedKeyEntryInput): Promise<EntryView> {
    const parsed = parseInput(issuedKeyEntrySchema, input);
    const scheme: HeaderScheme = parsed.scheme ?? { kind: 'bearer' };
    const metadata: EntryMetadata = {
      name: parsed.name,
      preset: 'custom',
      scheme,
      baseUrl: null,
      allowedHosts: [],
      tags: [],
      notes: '',
      expiresAt: parsed.expiresAt,
    };
    return this.insert(vaultId, metadata, parsed.plaintext, parsed.issuedKeyId, true);
  }

  async updateEntry(entryId: string, input: EntryUpdateInput): Promise<EntryView> {
    const { secret, ...metadata } = parseInput(entryUpdateSchema, input);
    return this.vaults.db.commit((data) => {
      const entry = requireEntry(data, entryId);
      const patch: EntryPatch = { ...metadata, updatedAt: this.now() };
      if (secret !== undefined) Object.assign(patch, this.newVersion(data, entry, secret, null));
      return { ops: [{ type: 'entry.patch', id: entryId, patch }], result: toView({ ...entry, ...patch }) };
    });
  }

  /**
   * Rotation: every entry holding the old issued key now holds the new one; the old value stays in
   * history until `graceEndsAt`, while it still works. Returns how many entries were updated.
   */
  async replaceIssuedSecret(
    oldIssuedKeyId: string,
    newIssuedKeyId: string,
    plaintext: string,
    graceEndsAt: string | null,
  ): Promise<number> {
    const holders = this.vaults.db.snapshot().entries.filter((e) => e.issuedKeyId === oldIssuedKeyId);
    for (const vaultId of new Set(holders.map((entry) => entry.vaultId))) await this.vaults.unlock(vaultId);
    return this.vaults.db.commit((data) => {
      const targets = data.entries.filter((entry) => entry.issuedKeyId === oldIssuedKeyId);
      const ops = targets.map((entry) => {
        const patch: EntryPatch = {
          ...this.newVersion(data, entry, plaintext, graceEndsAt),
          issuedKeyId: newIssuedKeyId,
          updatedAt: this.now(),
        };
        return { type: 'entry.patch' as const, id: entry.id, patch };
      });
      return { ops, result: ops.length };
    });
  }

  async deleteEntry(entryId: string): Promise<void> {
    await this.vaults.db.commit((data) => {
      requireEntry(data, entryId);
      return { ops: [{ type: 'entry.delete', id: entryId }], result: undefined };
    });
  }

  /** The plaintext, for Show / Copy / the request console. LOCKED while the vault is locked. */
  reveal(entryId: string): string {
    const data = this.vaults.db.snapshot();
    const entry = requireEntry(data, entryId);
    const key = this.vaults.keyOf(requireVault(data, entry.vaultId));
    return open(key, entry.secret, vaultAad(entry.vaultId, entry.id, 'secret', entry.secretVersion));
  }

  private async insert(
    vaultId: string,
    metadata: EntryMetadata,
    secret: string,
    issuedKeyId: string | null,
    unlockOnDemand: boolean,
  ): Promise<EntryView> {
    if (unlockOnDemand) await this.vaults.unlock(vaultId);
    return this.vaults.db.commit((data) => {
      const key = this.vaults.keyOf(requireVault(data, vaultId));
      const id = randomUUID();
      const now = this.now();
      const entry: EntryRecord = {
        ...metadata,
        id,
        vaultId,
        kind: issuedKeyId ? 'issued' : 'external',
        issuedKeyId,
        createdAt: now,
        updatedAt: now,
        secret: seal(key, secret, vaultAad(vaultId, id, 'secret', 1)),
        secretVersion: 1,
        history: [],
      };
      return { ops: [{ type: 'entry.insert', entry }], result: toView(entry) };
    });
  }

  /**
   * The fields of a new secret version: the current value re-sealed as history (its AAD names the
   * history field and its version), the new value sealed as version + 1. History past its keepUntil
   * (a rotated key whose grace ended) is dropped: that value no longer opens anything.
   */
  newVersion(data: Readonly<VaultFile>, entry: EntryRecord, secret: string, keepUntil: string | null) {
    const key = this.vaults.keyOf(requireVault(data, entry.vaultId));
    const now = this.now();
    const current = open(key, entry.secret, vaultAad(entry.vaultId, entry.id, 'secret', entry.secretVersion));
    const version = entry.secretVersion + 1;
    const history = entry.history.filter((item) => item.keepUntil === null || item.keepUntil > now);
    history.push({
      version: entry.secretVersion,
      replacedAt: now,
      sealed: seal(key, current, vaultAad(entry.vaultId, entry.id, 'history', entry.secretVersion)),
      keepUntil,
    });
    return {
      secret: seal(key, secret, vaultAad(entry.vaultId, entry.id, 'secret', version)),
      secretVersion: version,
      history,
    };
  }

  private now(): string {
    return this.clock.now().toISOString();
  }
}

export function requireEntry(data: Readonly<VaultFile>, id: string): EntryRecord {
  const entry = data.entries.find((candidate) => candidate.id === id);
  if (!entry) throw notFound('The vault entry');
  return entry;
}

export function toView(entry: EntryRecord): EntryView {
  const { secret: _secret, history, ...rest } = entry;
  return {
    ...rest,
    history: history.map(({ version, replacedAt, keepUntil }) => ({ version, replacedAt, keepUntil })),
  };
}
