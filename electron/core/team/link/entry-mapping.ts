import type { TeamEntry } from '../../../../shared/domain/team';
import { liveHistory } from '../../vaults/entry-service';
import { open, seal, vaultAad } from '../../vaults/sealed-box';
import type { EntryRecord } from '../../vaults/vault-schema';

/**
 * A team vault's entry in two places: sealed in vaults.json like any vault's (what the app shows and
 * unlocks fast) and signed and age-encrypted in the team repository (what teammates exchange). These
 * two functions carry an entry across, with the vault's data key; the vault's link (`known`) records
 * which `updatedAt` was exchanged. What is only this member's —
 * the star, the link to a key they issued, its app and scopes — stays local and is never sent.
 */

/** The entry as the team file holds it; only entries changed here are sent, so the change is `me`'s. */
export function toTeamEntry(entry: EntryRecord, dataKey: Buffer, me: string, nowIso: string): TeamEntry {
  const opened = (sealed: EntryRecord['secret'], field: 'secret' | 'history', version: number) =>
    open(dataKey, sealed, vaultAad(entry.vaultId, entry.id, field, version));
  return {
    id: entry.id,
    name: entry.name,
    service: entry.service,
    scheme: entry.scheme,
    baseUrl: entry.baseUrl,
    allowedHosts: entry.allowedHosts,
    tags: entry.tags,
    notes: entry.notes,
    expiresAt: entry.expiresAt,
    secret: opened(entry.secret, 'secret', entry.secretVersion),
    version: entry.secretVersion,
    history: liveHistory(entry.history, nowIso).map((item) => ({
      version: item.version,
      value: opened(item.sealed, 'history', item.version),
      replacedAt: item.replacedAt,
      by: item.by ?? me,
    })),
    updatedAt: entry.updatedAt,
    updatedBy: me,
    ...(entry.rotateAdvice?.version === entry.secretVersion ? { rotateAdvice: entry.rotateAdvice } : {}),
  };
}

/**
 * The local record of a team entry: its values sealed under this vault's key, and this member's own
 * fields kept from `existing`.
 */
export function fromTeamEntry(
  team: TeamEntry,
  existing: EntryRecord | undefined,
  vaultId: string,
  dataKey: Buffer,
): EntryRecord {
  const sealed = (value: string, field: 'secret' | 'history', version: number) =>
    seal(dataKey, value, vaultAad(vaultId, team.id, field, version));
  return {
    id: team.id,
    vaultId,
    name: team.name,
    service: team.service,
    preset: existing?.preset ?? 'custom',
    scheme: team.scheme,
    baseUrl: team.baseUrl,
    allowedHosts: team.allowedHosts,
    tags: team.tags,
    notes: team.notes,
    expiresAt: team.expiresAt,
    kind: existing?.kind ?? 'external',
    issuedKeyId: existing?.issuedKeyId ?? null,
    appName: existing?.appName ?? null,
    scopes: existing?.scopes ?? [],
    createdAt: existing?.createdAt ?? team.updatedAt,
    updatedAt: team.updatedAt,
    updatedBy: team.updatedBy,
    secretVersion: team.version,
    secret: sealed(team.secret, 'secret', team.version),
    history: team.history.map((item) => ({
      version: item.version,
      replacedAt: item.replacedAt,
      keepUntil: null,
      by: item.by,
      sealed: sealed(item.value, 'history', item.version),
    })),
    ...(existing?.favorite === undefined ? {} : { favorite: existing.favorite }),
    ...(team.rotateAdvice === undefined ? {} : { rotateAdvice: team.rotateAdvice }),
  };
}
