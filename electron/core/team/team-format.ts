import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { TEAM_FORMAT, teamFormatFileSchema, type TeamFormatFile } from '../../../shared/domain/team';
import { CoreError } from '../errors';
import { TeamFileRefusedError } from './team-errors';

/**
 * The layout of a team vault folder (later, the root of a git repository):
 *
 *   keyhaven-team.json        format, team id, the vault's current age recipient and key epoch
 *   members.json              the signed, hash-chained member records (team-members.ts)
 *   keys/<fingerprint>.age    the vault's age identity, encrypted to one member (team-vault-key.ts)
 *   entries/<entry id>.age    one entry, encrypted to the vault's recipient, signed inside (team-entries.ts)
 *   .gitattributes            keeps git from converting or diffing the armored age files
 *
 * Every path a module writes is built here, so a file name from the repository is never joined
 * unchecked (an entry id is a UUID and a fingerprint 16 hex digits before they become a path).
 */
export const TEAM_FILE = 'keyhaven-team.json';
export const MEMBERS_FILE = 'members.json';
export const KEYS_DIR = 'keys';
export const ENTRIES_DIR = 'entries';
export const GITATTRIBUTES_FILE = '.gitattributes';

const FINGERPRINT = /^[0-9a-f]{16}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function keyFileOf(fingerprint: string): string {
  if (!FINGERPRINT.test(fingerprint)) throw new Error('Not a member fingerprint.');
  return `${KEYS_DIR}/${fingerprint}.age`;
}

export function entryFileOf(entryId: string): string {
  if (!UUID.test(entryId)) throw new Error('Not an entry id.');
  return `${ENTRIES_DIR}/${entryId}.age`;
}

/** The entry id a file name under entries/ stands for, or null for anything else (a stray file). */
export function entryIdOfFile(fileName: string): string | null {
  const match = /^(.+)\.age$/.exec(fileName);
  return match?.[1] !== undefined && UUID.test(match[1]) ? match[1] : null;
}

/** Written by Keyhaven, read by git: armored age is text whose bytes must stay as they are. */
export const GITATTRIBUTES = '*.age -text -diff\n';

/** The text of a team file, or null when it does not exist. */
export async function readTeamText(root: string, file: string): Promise<string | null> {
  try {
    return await readFile(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The vault's own files (format, members, key wraps): replaced atomically (temp file, rename), because
 * a status read takes no lock and must never see half a file. No fsync: durability is git's, the
 * operation commits them.
 */
export async function writeTeamText(root: string, file: string, text: string): Promise<void> {
  const path = join(root, file);
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temp, text, { flag: 'wx', mode: 0o600 }).catch(async (error: unknown) => {
      // keys/ and entries/ appear with their first file; checking for them before every write costs more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      await writeFile(temp, text, { flag: 'wx', mode: 0o600 });
    });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Entry files are rewritten in place, not replaced by a rename: only an operation holding the team
 * vault's lock reads or writes them, and the next one puts back what one cut short left (see
 * TeamRepo.discardUncommitted). A rename over an existing file costs ~0.9 ms here (ext4 flushes its
 * data first), a third of a 1,000-entry removal.
 */
export async function writeEntryText(root: string, file: string, text: string): Promise<void> {
  const path = join(root, file);
  await writeFile(path, text, { mode: 0o600 }).catch(async (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(path, text, { mode: 0o600 });
  });
}

/** Pretty-printed with a final newline: these files are read in git diffs and reviews. */
export const teamJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export async function readTeamFormat(root: string): Promise<TeamFormatFile> {
  const text = await readTeamText(root, TEAM_FILE);
  if (text === null) throw new CoreError('NOT_FOUND', `This folder is not a team vault (it has no ${TEAM_FILE}).`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TeamFileRefusedError(TEAM_FILE, 'malformed');
  }
  const parsed = teamFormatFileSchema.safeParse(raw);
  if (!parsed.success) {
    const newer = (raw as { format?: unknown; version?: unknown } | null)?.format === TEAM_FORMAT;
    throw new TeamFileRefusedError(TEAM_FILE, 'malformed', newer ? 'perhaps written by a newer Keyhaven' : undefined);
  }
  return parsed.data;
}

export async function writeTeamFormat(root: string, state: Omit<TeamFormatFile, 'format' | 'version'>): Promise<void> {
  const file: TeamFormatFile = { format: TEAM_FORMAT, version: 1, ...state };
  await writeTeamText(root, TEAM_FILE, teamJson(file));
}
