import { randomUUID } from 'node:crypto';
import { KEYHAVEN_SERVICE, presetLabel, presetScheme } from '../../../shared/catalogs/service-presets';
import { parsePastedKey } from '../../../shared/domain/pasted-key';
import {
  newEntryInputSchema,
  updateEntryInputSchema,
  type EntryMetadata,
  type EntryView,
  type NewEntryInput,
  type UpdateEntryInput,
} from '../../../shared/domain/vault';
import type { Clock } from '../clock';
import { CoreError, notFound } from '../errors';
import { open, seal, vaultAad } from './sealed-box';
import { issuedKeyEntrySchema, parseInput, type IssuedKeyEntryInput } from './vault-input';
import type { EntryPatch } from './vault-ops';
import type { EntryRecord, VaultFile } from './vault-schema';
import { assertWritable, requireVault, type VaultService } from './vault-service';

/**
 * Vault entries. Writing a new secret needs the vault's data key: user edits need the vault unlocked
 * (LOCKED otherwise), while a Keyhaven-issued key unlocks on demand, because its plaintext exists only
 * at that moment. A replaced secret is kept, sealed, in history under its own version's AAD.
 */
export class EntryService {
  constructor(
    private readonly vaults: VaultService,
    private readonly clock: Clock,
    /** Refuses an entry whose settings were changed outside Keyhaven (entry-seal.ts). */
    private readonly assertIntact: (entry: EntryRecord) => void,
  ) {}

  listEntries(vaultId: string): EntryView[] {
    const data = this.vaults.db.snapshot();
    requireVault(data, vaultId);
    return data.entries.filter((entry) => entry.vaultId === vaultId).map((entry) => toView(entry, this.now()));
  }

  /** Add key: a pasted key, split from its header when it carries one; the preset fills the scheme. */
  async addEntry(input: NewEntryInput): Promise<EntryView> {
    const parsed = parseInput(newEntryInputSchema, input);
    const pasted = splitPastedKey(parsed.secret);
    const preset = parsed.preset ?? 'custom';
    const scheme = parsed.scheme ?? pasted.scheme ?? presetScheme(preset) ?? { kind: 'bearer' };
    const metadata: EntryMetadata = {
      name: parsed.name,
      service: parsed.service ?? presetLabel(preset),
      preset,
      scheme,
      baseUrl: parsed.baseUrl ?? null,
      allowedHosts: parsed.allowedHosts ?? [],
      tags: parsed.tags ?? [],
      notes: parsed.notes ?? '',
      expiresAt: parsed.expiresAt ?? null,
      favorite: parsed.favorite ?? false,
    };
    return this.insert(parsed.vaultId, metadata, pasted.key, null, false);
  }

  /** The wizard's "Save in vault": the issued key's plaintext, linked to its id, app and scopes. */
  async saveIssuedKey(vaultId: string, input: IssuedKeyEntryInput): Promise<EntryView> {
    const parsed = parseInput(issuedKeyEntrySchema, input);
    const metadata: EntryMetadata = {
      name: parsed.name,
      service: KEYHAVEN_SERVICE,
      preset: 'custom',
      scheme: parsed.scheme,
      baseUrl: null,
      allowedHosts: [],
      tags: [],
      notes: '',
      expiresAt: parsed.expiresAt,
      favorite: false,
    };
    const issued = { issuedKeyId: parsed.issuedKeyId, appName: parsed.appName, scopes: parsed.scopes };
    return this.insert(vaultId, metadata, parsed.plaintext, issued, true);
  }

  get(entryId: string): EntryView {
    return toView(requireEntry(this.vaults.db.snapshot(), entryId), this.now());
  }

  /** The entry holding an issued key, if it was saved in a vault. */
  findByIssuedKey(issuedKeyId: string): EntryView | null {
    const entry = this.vaults.db.snapshot().entries.find((e) => e.issuedKeyId === issuedKeyId);
    return entry ? toView(entry, this.now()) : null;
  }

  async updateEntry(input: UpdateEntryInput): Promise<EntryView> {
    const { entryId, secret, ...metadata } = parseInput(updateEntryInputSchema, input);
    // A new value pasted with its header is split as in Add key; an explicit scheme wins.
    const pasted = secret === undefined ? null : splitPastedKey(secret);
    if (pasted?.scheme && metadata.scheme === undefined) metadata.scheme = pasted.scheme;
    return this.vaults.db.commit((data) => {
      const entry = requireEntry(data, entryId);
      assertWritable(data, entry.vaultId);
      const patch: EntryPatch = { ...metadata, updatedAt: this.now() };
      if (pasted) Object.assign(patch, this.newVersion(data, entry, pasted.key, null));
      return { ops: [{ type: 'entry.patch', id: entryId, patch }], result: toView({ ...entry, ...patch }, this.now()) };
    });
  }

  /**
   * Rotation: every entry holding the old issued key now holds the new one (and its expiry); the old
   * value stays in history until `graceEndsAt`, while it still works. Returns how many were updated.
   */
  async replaceIssuedSecret(
    oldIssuedKeyId: string,
    next: { issuedKeyId: string; plaintext: string; graceEndsAt: string | null; expiresAt: string | null },
  ): Promise<number> {
    const holders = this.vaults.db.snapshot().entries.filter((e) => e.issuedKeyId === oldIssuedKeyId);
    const vaultIds = holders.map((entry) => entry.vaultId);
    return this.vaults.withUnlocked(vaultIds, () => this.commitReplacement(oldIssuedKeyId, next));
  }

  private commitReplacement(
    oldIssuedKeyId: string,
    next: { issuedKeyId: string; plaintext: string; graceEndsAt: string | null; expiresAt: string | null },
  ): Promise<number> {
    return this.vaults.db.commit((data) => {
      const targets = data.entries.filter((entry) => entry.issuedKeyId === oldIssuedKeyId);
      const ops = targets.map((entry) => {
        const patch: EntryPatch = {
          ...this.newVersion(data, entry, next.plaintext, next.graceEndsAt),
          issuedKeyId: next.issuedKeyId,
          expiresAt: next.expiresAt,
          updatedAt: this.now(),
        };
        return { type: 'entry.patch' as const, id: entry.id, patch };
      });
      return { ops, result: ops.length };
    });
  }

  async deleteEntry(entryId: string): Promise<void> {
    await this.vaults.db.commit((data) => {
      assertWritable(data, requireEntry(data, entryId).vaultId);
      return { ops: [{ type: 'entry.delete', id: entryId }], result: undefined };
    });
  }

  /**
   * The plaintext, for Show / Copy / the request console: the current value, or a previous version
   * still in history. LOCKED while the vault is locked.
   */
  reveal(entryId: string, version?: number): { secret: string; version: number } {
    const data = this.vaults.db.snapshot();
    const entry = requireEntry(data, entryId);
    const key = this.vaults.keyOf(requireVault(data, entry.vaultId));
    this.assertIntact(entry);
    if (version === undefined || version === entry.secretVersion) {
      const secret = open(key, entry.secret, vaultAad(entry.vaultId, entry.id, 'secret', entry.secretVersion));
      return { secret, version: entry.secretVersion };
    }
    const item = liveHistory(entry.history, this.now()).find((candidate) => candidate.version === version);
    if (!item) throw new CoreError('NOT_FOUND', `Version ${version} of this entry is no longer kept.`);
    return { secret: open(key, item.sealed, vaultAad(entry.vaultId, entry.id, 'history', version)), version };
  }

  private async insert(
    vaultId: string,
    metadata: EntryMetadata,
    secret: string,
    issued: { issuedKeyId: string; appName: string; scopes: string[] } | null,
    unlockOnDemand: boolean,
  ): Promise<EntryView> {
    if (unlockOnDemand)
      return this.vaults.withUnlocked([vaultId], () => this.commitInsert(vaultId, metadata, secret, issued));
    return this.commitInsert(vaultId, metadata, secret, issued);
  }

  private commitInsert(
    vaultId: string,
    metadata: EntryMetadata,
    secret: string,
    issued: { issuedKeyId: string; appName: string; scopes: string[] } | null,
  ): Promise<EntryView> {
    return this.vaults.db.commit((data) => {
      assertWritable(data, vaultId);
      const key = this.vaults.keyOf(requireVault(data, vaultId));
      const id = randomUUID();
      const now = this.now();
      const entry: EntryRecord = {
        ...metadata,
        id,
        vaultId,
        kind: issued ? 'issued' : 'external',
        issuedKeyId: issued?.issuedKeyId ?? null,
        appName: issued?.appName ?? null,
        scopes: issued?.scopes ?? [],
        createdAt: now,
        updatedAt: now,
        secret: seal(key, secret, vaultAad(vaultId, id, 'secret', 1)),
        secretVersion: 1,
        history: [],
      };
      return { ops: [{ type: 'entry.insert', entry }], result: toView(entry, this.now()) };
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
    const history = liveHistory(entry.history, now);
    history.push({
      version: entry.secretVersion,
      replacedAt: now,
      sealed: seal(key, current, vaultAad(entry.vaultId, entry.id, 'history', entry.secretVersion)),
      keepUntil,
      // In a team vault: who set the value that goes into history (the member of its last change).
      ...(entry.updatedBy === undefined ? {} : { by: entry.updatedBy }),
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

/** The pasted text split from its header; what is left must still be a key (`""` pasted is not). */
function splitPastedKey(text: string): ReturnType<typeof parsePastedKey> {
  const pasted = parsePastedKey(text);
  if (pasted.key.length === 0) throw new CoreError('INVALID_INPUT', 'Paste the key: the value is empty.');
  return pasted;
}

/**
 * History that still matters: a rotated key's old value is kept only until its grace period ends (it
 * stops working then). Past that it is hidden from lists, Show and exports at once, and dropped from
 * the file at the entry's next new version.
 */
export function liveHistory<H extends { keepUntil: string | null }>(history: readonly H[], nowIso: string): H[] {
  return history.filter((item) => item.keepUntil === null || item.keepUntil > nowIso);
}

export function toView(entry: EntryRecord, nowIso: string): EntryView {
  const { secret: _secret, history, seal: _seal, favorite, ...rest } = entry;
  return {
    ...rest,
    favorite: favorite ?? false,
    history: liveHistory(history, nowIso).map(({ version, replacedAt, keepUntil, by }) => ({
      version,
      replacedAt,
      keepUntil,
      ...(by === undefined ? {} : { by }),
    })),
  };
}
