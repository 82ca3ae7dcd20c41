import { headerLine, schemeText } from '../../../shared/catalogs/service-presets';
import {
  parseSecretReference,
  ReferenceSyntaxError,
  type SecretReference,
} from '../../../shared/domain/secret-reference';
import type { EntryView, VaultSummary } from '../../../shared/domain/vault';
import type { ActivityEvent } from '../activity/activity-event';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { CoreError } from '../errors';
import { pickByIdOrName } from '../name-lookup';
import type { Vaults } from './vaults';

/** A reference matched to its vault and entry (no secret opened yet). */
export interface ReferencedEntry {
  reference: SecretReference;
  vault: VaultSummary;
  entry: EntryView;
}

/**
 * Resolves `kh://` references (shared/domain/secret-reference.ts) to what they name. A name matches
 * as the app shows it, ignoring case; an id matches exactly. Reading a key opens its vault for the
 * read only (a vault the user had locked stays locked) and records one `entry.read` per entry, so the
 * activity log says which keys left Keyhaven, when, and for what — never the value.
 */
export class SecretReferences {
  constructor(
    private readonly vaults: () => Vaults,
    /** Where read() records which keys left (the keyhaven.json activity log). */
    private readonly db: Pick<KeyhavenDb, 'record'>,
  ) {}

  /** A vault by name or id; `shown` is what the user wrote, for the message. */
  findVault(wanted: string, shown = wanted): VaultSummary {
    const hint = shown === wanted ? '' : ` (${shown})`;
    return pickByIdOrName(this.vaults().vaults.listVaults(), wanted, (v) => v.name, {
      one: 'vault',
      many: 'vaults',
      hint,
    });
  }

  find(reference: SecretReference): ReferencedEntry {
    const { db, entries } = this.vaults();
    const vault = this.findVault(reference.vault, reference.text);
    // Matched on the stored records: only the entry found is turned into a view, not the whole vault.
    const record = pickByIdOrName(
      db.snapshot().entries.filter((entry) => entry.vaultId === vault.id),
      reference.entry,
      (entry) => entry.name,
      { one: 'entry', many: 'entries', where: ` in the vault "${vault.name}"`, hint: ` (${reference.text})` },
    );
    return { reference, vault, entry: entries.get(record.id) };
  }

  /**
   * For the console's `{{variables}}` (issue 13): the entry a reference names, found without opening
   * its key, and a reader of the value. Unlike read(), a locked vault stays locked (LOCKED): in the
   * app the user unlocks it, as for a request authenticated with the entry.
   */
  open(text: string): {
    entryId: string;
    entryName: string;
    allowedHosts: readonly string[];
    secret: boolean;
    read(): string;
  } {
    let reference: SecretReference;
    try {
      reference = parseSecretReference(text);
    } catch (error) {
      if (error instanceof ReferenceSyntaxError) throw new CoreError('INVALID_INPUT', error.message);
      throw error;
    }
    const found = this.find(reference);
    const secret = needsSecret(reference);
    return {
      entryId: found.entry.id,
      entryName: found.entry.name,
      allowedHosts: found.entry.allowedHosts,
      secret,
      read: () => valueOf(found, secret ? this.vaults().entries.reveal(found.entry.id).secret : null),
    };
  }

  /**
   * The values of the references, in order. Keys are opened with one keychain read per vault; the
   * reads are recorded in one commit, with `purpose` (e.g. `keyhaven run`) in each summary.
   */
  async read(references: readonly SecretReference[], purpose: string): Promise<string[]> {
    const found = references.map((reference) => this.find(reference));
    const secretOnes = found.filter((item) => needsSecret(item.reference));
    const { vaults, entries } = this.vaults();
    const values = await vaults.withUnlocked(
      secretOnes.map((item) => item.vault.id),
      async () =>
        found.map((item) => valueOf(item, needsSecret(item.reference) ? entries.reveal(item.entry.id).secret : null)),
    );
    const events = uniqueEntries(secretOnes).map((item): ActivityEvent => ({
      type: 'entry.read',
      appId: null,
      vaultId: item.vault.id,
      entryId: item.entry.id,
      summary: `Vault "${item.vault.name}": key of "${item.entry.name}" read by ${purpose}`,
    }));
    await this.db.record(events);
    return values;
  }
}

function needsSecret(reference: SecretReference): boolean {
  return reference.field === 'key' || reference.field === 'header';
}

function valueOf({ reference, entry }: ReferencedEntry, secret: string | null): string {
  switch (reference.field) {
    case 'key':
      return secret as string;
    case 'header':
      return headerLine(entry.scheme, secret as string);
    case 'scheme':
      return schemeText(entry.scheme);
    case 'base-url':
      if (entry.baseUrl === null)
        throw new CoreError('NOT_FOUND', `The entry "${entry.name}" has no base URL (${reference.text}).`);
      return entry.baseUrl;
  }
}

function uniqueEntries(items: readonly ReferencedEntry[]): ReferencedEntry[] {
  const seen = new Map<string, ReferencedEntry>();
  for (const item of items) if (!seen.has(item.entry.id)) seen.set(item.entry.id, item);
  return [...seen.values()];
}
