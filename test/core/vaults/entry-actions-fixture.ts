// What the entry-action tests (move, copy, bulk delete, tags, restore a version, favourites) share on
// top of vault-fixture.ts: a stack with two vaults, a copy of the folder as a crash would leave it, a
// hand edit of vaults.json made outside Keyhaven, and the journal's line count.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeDocument, encodeDocument } from '../../../electron/core/storage/document-text';
import { VAULTS_FILE_NAME } from '../../../electron/core/vaults/vault-db';
import { openVaults, type Vaults } from '../../../electron/core/vaults/vaults';
import { makeTempDir } from '../../support/temp-dir';
import type { openFixture } from './vault-fixture';
import { CANARY } from './vault-fixture';

export type Fixture = Awaited<ReturnType<typeof openFixture>>;

export const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code ?? 'no code',
  );

/** Two unlocked vaults; "Pyas prod" in Work holds three versions: CANARY-v3 now, CANARY-v2 and CANARY kept. */
export async function twoVaults(fx: Fixture) {
  const work = await fx.v.vaults.createVault('Work');
  const team = await fx.v.vaults.createVault('Team');
  const entry = await fx.v.entries.addEntry({
    vaultId: work.id,
    name: 'Pyas prod',
    preset: 'pyas',
    secret: CANARY,
    tags: ['prod'],
    notes: 'billing',
  });
  fx.clock.advance(60_000);
  await fx.v.entries.updateEntry({ entryId: entry.id, secret: `${CANARY}-v2` });
  fx.clock.advance(60_000);
  await fx.v.entries.updateEntry({ entryId: entry.id, secret: `${CANARY}-v3` });
  return { work, team, entry };
}

/** Every value an entry holds, current and kept, as revealed from wherever it now is. */
export function allValues(v: Vaults, entryId: string): string[] {
  const view = v.entries.get(entryId);
  return [
    v.entries.reveal(entryId).secret,
    ...view.history.map((item) => v.entries.reveal(entryId, item.version).secret),
  ];
}

export const journalOf = (fx: Fixture) => join(fx.dir, `${VAULTS_FILE_NAME}.journal`);

/** Commits in the journal not yet compacted into vaults.json (one line per commit). */
export async function journalLines(fx: Fixture): Promise<number> {
  const text = await readFile(journalOf(fx), 'utf8').catch(() => '');
  return text.split('\n').filter((line) => line.trim() !== '').length;
}

/**
 * The folder as a crash would leave it (vaults.json and its journal, never compacted), opened by a
 * second stack with the same keychain and record seal key: what the next start would replay.
 */
export async function openCrashCopy(fx: Fixture) {
  const dir = await makeTempDir('keyhaven-crash-copy');
  await copyFile(join(fx.dir, VAULTS_FILE_NAME), join(dir.path, VAULTS_FILE_NAME));
  await copyFile(journalOf(fx), join(dir.path, `${VAULTS_FILE_NAME}.journal`));
  const v = await openVaults(dir.path, fx.keychain, fx.clock, fx.seals, { scryptN: 1024 });
  return {
    v,
    dir: dir.path,
    async dispose() {
      await v.close().catch(() => undefined);
      await dir.remove();
    },
  };
}

type Doc = Record<string, unknown> & { entries: Record<string, unknown>[] };

/**
 * vaults.json edited outside Keyhaven, the way a careful attacker would (checksum recomputed), then
 * opened again; every vault is locked after the reopen.
 */
export async function editVaultsFile(fx: Fixture, edit: (doc: Doc) => void): Promise<void> {
  await fx.v.db.compact();
  await fx.v.close();
  const file = join(fx.dir, VAULTS_FILE_NAME);
  const doc = decodeDocument(await readFile(file, 'utf8')) as Doc;
  edit(doc);
  await writeFile(file, encodeDocument(doc));
  await fx.reopen();
}
