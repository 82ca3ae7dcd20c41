import { headerLine } from '../../../shared/catalogs/service-presets';
import type {
  EntryCopyResult,
  EntryView,
  ImportSummary,
  NewEntryInput,
  UpdateEntryInput,
  VaultSummary,
} from '../../../shared/domain/vault';
import type { ActivityEvent } from '../activity/activity-event';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { ClipboardGuard } from './clipboard-guard';
import type { ImportChoices } from './vault-transfer';
import type { Vaults } from './vaults';

/** Why vaults locked without the user's Lock (vaults:locked's reasons). */
export type AutoLockReason = 'idle' | 'screen-lock' | 'suspend';

/** A vault key the request console read and sent: from Authentication, or a `{{variable}}`'s `kh://` reference. */
export interface SentKey {
  entryId: string;
  variable: string | null;
}

const AUTO_LOCK_WORDS: Record<AutoLockReason, string> = {
  idle: 'after the computer was idle',
  'screen-lock': 'when the screen locked',
  suspend: 'when the computer went to sleep',
};

/** The entry fields an edit can change, as the record names them (never their values). */
const FIELD_WORDS: Record<string, string> = {
  service: 'service',
  preset: 'service',
  scheme: 'header scheme',
  baseUrl: 'base URL',
  allowedHosts: 'allowed hosts',
  tags: 'tags',
  notes: 'notes',
  expiresAt: 'expiry',
};

/**
 * What the user does with vaults in the window, each recorded in the activity log (issue 14): a key
 * read (Show, Copy, Copy as header, sent by the console), an entry added, edited or removed, a vault
 * created, renamed, deleted, exported, imported, locked or unlocked. A record names the vault and entry (names and ids), never a key, a header line
 * or a URL that carries one. A read is recorded before the key is handed over (Show) or once it is on
 * the clipboard (Copy, as the store page's Copy); a record that cannot be committed fails the call.
 * A change (an edit, an import, a new entry…) is in vaults.json and its record in keyhaven.json: as for
 * Save in vault, the record is committed right after the change, and a failure there fails the call.
 */
export class RecordedVaultActions {
  constructor(
    private readonly db: Pick<KeyhavenDb, 'record'>,
    /** The vaults, or a PartUnavailableError when vaults.json could not be opened. */
    private readonly vaults: () => Vaults,
    private readonly clipboard: ClipboardGuard,
  ) {}

  /** New vault, Add key, Delete: the kinds `keyhaven vault` records too, now with the vault's and entry's ids. */
  async createVault(name: string): Promise<VaultSummary> {
    const vault = await this.vaults().vaults.createVault(name);
    await this.recordVault('vault.created', vault, `Vault "${vault.name}" created`);
    return vault;
  }

  async renameVault(vaultId: string, name: string): Promise<VaultSummary> {
    const before = this.vaults().vaults.summary(vaultId);
    const vault = await this.vaults().vaults.renameVault(vaultId, name);
    if (vault.name !== before.name)
      await this.recordVault('vault.renamed', vault, `Vault "${before.name}" renamed to "${vault.name}"`);
    return vault;
  }

  async deleteVault(vaultId: string): Promise<number> {
    const vault = this.vaults().vaults.summary(vaultId);
    const deleted = await this.vaults().vaults.deleteVault(vaultId);
    const what = deleted === 0 ? 'no keys' : plural(deleted, 'key', true);
    await this.recordVault('vault.deleted', vault, `Vault "${vault.name}" deleted with ${what}`);
    return deleted;
  }

  async addEntry(input: NewEntryInput): Promise<EntryView> {
    const entry = await this.vaults().entries.addEntry(input);
    await this.recordEntry('entry.added', entry.id, (vault) => `Vault "${vault.name}": key "${entry.name}" added`);
    return entry;
  }

  async deleteEntry(entryId: string): Promise<null> {
    const { entries, vaults } = this.vaults();
    const entry = entries.get(entryId);
    const vault = vaults.summary(entry.vaultId);
    // Kept in memory for a few seconds, so Undo can put back the very record (deleted-entries.ts).
    await this.vaults().deleted.delete(entryId);
    await this.db.record([
      {
        type: 'entry.removed',
        appId: null,
        vaultId: vault.id,
        entryId,
        summary: `Vault "${vault.name}": key "${entry.name}" removed`,
      },
    ]);
    return null;
  }

  /** Undo of a delete: the same record back, recorded as added again. */
  async restoreEntry(entryId: string): Promise<EntryView> {
    const entry = await this.vaults().deleted.restore(entryId);
    await this.recordEntry(
      'entry.added',
      entry.id,
      (vault) => `Vault "${vault.name}": key "${entry.name}" restored (Undo)`,
    );
    return entry;
  }

  /** Show: the current value or a kept previous version. */
  async reveal(entryId: string, version?: number): Promise<{ secret: string; version: number }> {
    const revealed = this.vaults().entries.reveal(entryId, version);
    const which = version === undefined ? '' : ` (version ${revealed.version}, kept in its history)`;
    await this.recordEntry('entry.shown', entryId, (vault, entry) => `${keyOf(vault, entry)}${which} shown`);
    return revealed;
  }

  /** The console's snippet with the key included: the key reaches the page in the snippet's text. */
  async shownElsewhere(entryId: string, where: string): Promise<void> {
    await this.recordEntry('entry.shown', entryId, (vault, entry) => `${keyOf(vault, entry)} shown ${where}`);
  }

  /** Copy and Copy as header (of the current value, or a kept version): put on the clipboard in main, then recorded. */
  async copy(entryId: string, format: 'value' | 'header', version?: number): Promise<EntryCopyResult> {
    const { entries, vaults } = this.vaults();
    const { secret } = entries.reveal(entryId, version);
    const text = format === 'value' ? secret : headerLine(entries.get(entryId).scheme, secret);
    const result = await this.clipboard.copy(text, vaults.settings().clipboardClearSeconds);
    const how = format === 'value' ? 'copied' : 'copied as a header line';
    const which =
      version === undefined || version === entries.get(entryId).secretVersion
        ? ''
        : ` (version ${version}, kept in its history)`;
    await this.recordEntry('entry.copied', entryId, (vault, entry) => `${keyOf(vault, entry)}${which} ${how}`);
    return result;
  }

  /** Edit: a new key is `entry.replaced` (as `keyhaven vault set`), settings alone `entry.updated`. */
  async update(input: UpdateEntryInput): Promise<EntryView> {
    const before = this.vaults().entries.get(input.entryId);
    const after = await this.vaults().entries.updateEntry(input);
    const vault = this.vaults().vaults.summary(after.vaultId);
    const replaced = after.secretVersion !== before.secretVersion;
    const fields = changedFields(before, after);
    const changes = [
      ...(before.name === after.name ? [] : [`renamed to "${after.name}"`]),
      ...(replaced ? [`key replaced (version ${after.secretVersion})`] : []),
      ...(fields.length > 0 ? [`settings edited (${fields.join(', ')})`] : []),
    ];
    // As for an issued key's edit: saving without a change records nothing.
    if (changes.length === 0) return after;
    await this.db.record([
      {
        type: replaced ? 'entry.replaced' : 'entry.updated',
        appId: null,
        vaultId: vault.id,
        entryId: after.id,
        summary: `Vault "${vault.name}": "${before.name}" ${changes.join('; ')}`,
      },
    ]);
    return after;
  }

  /** Export: the encrypted file's text; the record says how many keys left in it, never the passphrase. */
  async exportVault(vaultId: string, passphrase: string, entryIds?: string[]) {
    const { transfer, vaults } = this.vaults();
    const exported = await transfer.exportVault(vaultId, passphrase, entryIds ? { entryIds } : {});
    const vault = vaults.summary(vaultId);
    const which = entryIds
      ? `${exported.entryCount} chosen ${plural(exported.entryCount, 'key')}`
      : plural(exported.entryCount, 'key', true);
    await this.recordVault('vault.exported', vault, `Vault "${vault.name}": ${which} exported to an encrypted file`);
    return exported;
  }

  async importInto(vaultId: string, file: Buffer, passphrase: string, choices: ImportChoices): Promise<ImportSummary> {
    const { transfer, vaults } = this.vaults();
    const summary = await transfer.importInto(vaultId, file, passphrase, choices);
    const vault = vaults.summary(vaultId);
    const counts = `${summary.added} added, ${summary.replaced} replaced, ${summary.keptBoth} kept beside the existing, ${summary.skipped} skipped`;
    await this.recordVault('vault.imported', vault, `Vault "${vault.name}": keys imported from a file (${counts})`);
    return summary;
  }

  async unlock(vaultId: string, passphrase?: string): Promise<VaultSummary> {
    const vault = await this.vaults().vaults.unlock(vaultId, passphrase);
    await this.recordVault('vault.unlocked', vault, `Vault "${vault.name}" unlocked`);
    return vault;
  }

  /** Lock (one vault, or every vault): only a vault that was open is recorded; locking comes first. */
  async lock(vaultId?: string): Promise<null> {
    const { vaults } = this.vaults();
    const open = vaults
      .listVaults()
      .filter((vault) => !vault.locked && (vaultId === undefined || vault.id === vaultId));
    if (vaultId === undefined) vaults.lockAll();
    else vaults.lock(vaultId);
    const how = vaultId === undefined ? 'locked (Lock all)' : 'locked';
    await this.db.record(open.map((vault) => vaultEvent('vault.locked', vault, `Vault "${vault.name}" ${how}`)));
    return null;
  }

  /** Idle, screen lock, sleep: every vault is locked first, then the ones that were open are recorded. */
  async lockedOnItsOwn(reason: AutoLockReason): Promise<void> {
    const { vaults } = this.vaults();
    const open = vaults.listVaults().filter((vault) => !vault.locked);
    vaults.lockAll();
    const why = AUTO_LOCK_WORDS[reason];
    await this.db.record(open.map((vault) => vaultEvent('vault.locked', vault, `Vault "${vault.name}" locked ${why}`)));
  }

  /** The console's Send: one record per entry whose key went out, with the method and host only. */
  async sent(keys: readonly SentKey[], method: string, url: string): Promise<void> {
    if (keys.length === 0) return;
    const { entries, vaults } = this.vaults();
    const host = hostOf(url);
    const events = uniqueBy(keys, (key) => key.entryId).map((key): ActivityEvent => {
      const entry = entries.get(key.entryId);
      const vault = vaults.summary(entry.vaultId);
      const via = key.variable === null ? '' : ` as {{${key.variable}}}`;
      return {
        type: 'entry.sent',
        appId: null,
        vaultId: vault.id,
        entryId: entry.id,
        summary: `${keyOf(vault, entry)} sent${via} by the request console (${method} ${host})`,
      };
    });
    await this.db.record(events);
  }

  private async recordEntry(
    type: ActivityEvent['type'],
    entryId: string,
    summary: (vault: VaultSummary, entry: EntryView) => string,
  ): Promise<void> {
    const { entries, vaults } = this.vaults();
    const entry = entries.get(entryId);
    const vault = vaults.summary(entry.vaultId);
    await this.db.record([{ type, appId: null, vaultId: vault.id, entryId, summary: summary(vault, entry) }]);
  }

  private recordVault(type: ActivityEvent['type'], vault: VaultSummary, summary: string): Promise<void> {
    return this.db.record([vaultEvent(type, vault, summary)]);
  }
}

function vaultEvent(type: ActivityEvent['type'], vault: VaultSummary, summary: string): ActivityEvent {
  return { type, appId: null, vaultId: vault.id, summary };
}

function keyOf(vault: VaultSummary, entry: EntryView): string {
  return `Vault "${vault.name}": key of "${entry.name}"`;
}

function plural(count: number, word: string, all = false): string {
  const words = `${count} ${word}${count === 1 ? '' : 's'}`;
  return all ? (count === 1 ? `its ${words}` : `all ${words}`) : words;
}

/** The host a key was sent to: never the path or query, which may carry a key. */
function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unparsable URL';
  }
}

function changedFields(before: EntryView, after: EntryView): string[] {
  const names = new Set<string>();
  for (const [field, words] of Object.entries(FIELD_WORDS)) {
    const a = JSON.stringify(before[field as keyof EntryView] ?? null);
    const b = JSON.stringify(after[field as keyof EntryView] ?? null);
    if (a !== b) names.add(words);
  }
  return [...names];
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}
