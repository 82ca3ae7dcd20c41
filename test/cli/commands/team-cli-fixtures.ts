import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { keyhaven, keyhavenOk, type CliRun } from '../support/keyhaven-cli';

/**
 * `keyhaven team …` tests: the real built command, a bare git repository in a temporary folder as the
 * team's remote, and one data folder (with its own team identity in the test keyring) per member.
 */
export interface TeamFolders {
  /** The bare repository's absolute path. */
  remote: () => string;
  /** The temporary folder the remote is in, for other files a test writes. */
  root: () => string;
}

export function useTeamRemote(): TeamFolders {
  let root: string | undefined;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'keyhaven-team-cli-'));
    const init = spawnSync('git', ['init', '-q', '--bare', '--initial-branch=main', 'team.git'], { cwd: root });
    expect(init.status).toBe(0);
  });
  afterEach(() => {
    if (root) rmSync(root, { recursive: true, force: true });
    root = undefined;
  });
  return { remote: () => join(root ?? '', 'team.git'), root: () => root ?? '' };
}

export interface IdentityJson {
  name: string;
  fingerprint: string;
  line: string;
}

export interface MemberJson {
  name: string;
  fingerprint: string;
  readOnly: boolean;
  me: boolean;
}

export interface StatusJson {
  name: string;
  vaultId: string;
  url: string;
  teamId: string;
  readOnly: boolean;
  members: MemberJson[];
  former: MemberJson[];
  lastSyncedAt: string | null;
  lastSync: { state: string; at: string; ahead: number; message?: string } | null;
}

export interface SyncJson {
  vault: string;
  vaultId: string;
  state: string;
  ahead: number;
  sent: number;
  received: number;
  deleted: number;
  notices: { kind: string; name: string }[];
  refused: string[];
  message?: string;
}

export function team(dataDir: string, args: readonly string[], input?: string): Promise<CliRun> {
  return keyhaven(['team', ...args], { dataDir, ...(input === undefined ? {} : { input }) });
}

export async function teamJson<T>(dataDir: string, args: readonly string[], input?: string): Promise<T> {
  const options = { dataDir, ...(input === undefined ? {} : { input }) };
  return JSON.parse(await keyhavenOk(['team', ...args, '--json'], options)) as T;
}

/** Makes the data folder's team identity and returns it. */
export function identity(dataDir: string, name: string): Promise<IdentityJson> {
  return teamJson<IdentityJson>(dataDir, ['identity', '--name', name]);
}

export function read(dataDir: string, reference: string): Promise<string> {
  return keyhavenOk(['read', reference, '-n'], { dataDir });
}

/** A new vault holding one entry whose key is piped in. */
export async function vaultWith(dataDir: string, vault: string, entry: string, secret: string): Promise<void> {
  await keyhavenOk(['vault', 'create', vault], { dataDir });
  await keyhavenOk(['vault', 'add', vault, '--name', entry], { dataDir, input: secret });
}
