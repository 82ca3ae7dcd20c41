import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { keyhaven, keyhavenOk, type CliRun } from '../support/keyhaven-cli';

/** One line of <dataDir>/activity.jsonl, as the command wrote it. */
export interface ActivityLine {
  seq: number;
  type: string;
  appId: string | null;
  issuedKeyId: string | null;
  keyLabel: string | null;
  summary: string;
  actor?: string;
  prev: string;
  hash: string;
}

export function activityText(dataDir: string): string {
  const file = join(dataDir, 'activity.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

export function activity(dataDir: string): ActivityLine[] {
  return activityText(dataDir)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ActivityLine);
}

export function activityOfType(dataDir: string, type: string): ActivityLine[] {
  return activity(dataDir).filter((line) => line.type === type);
}

/** Adds an entry whose key comes on stdin, as a user pipes it. */
export function addEntry(
  dataDir: string,
  vault: string,
  name: string,
  secret: string,
  flags: readonly string[] = [],
): Promise<string> {
  return keyhavenOk(['vault', 'add', vault, '--name', name, ...flags], { dataDir, input: secret });
}

export interface VaultJson {
  id: string;
  name: string;
  entryCount: number;
}

export interface EntryJson {
  id: string;
  name: string;
  vault: string;
  reference: string;
  scheme: string;
  baseUrl: string | null;
  version: number;
}

export async function vaultsJson(dataDir: string): Promise<VaultJson[]> {
  return JSON.parse(await keyhavenOk(['vault', 'ls', '--json'], { dataDir })) as VaultJson[];
}

export async function entriesJson(dataDir: string, vault: string): Promise<EntryJson[]> {
  return JSON.parse(await keyhavenOk(['vault', 'entries', vault, '--json'], { dataDir })) as EntryJson[];
}

/** A failure as the command line promises it: this exit code, one line on stderr, nothing on stdout. */
export function expectFailure(run: CliRun, exitCode: number): string {
  expect({ code: run.code, stdout: run.stdout }).toEqual({ code: exitCode, stdout: '' });
  const lines = run.stderr.split('\n').filter((line) => line !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^keyhaven: /);
  return lines[0] as string;
}

/** The issued-key format: `<prefix>_<8 base62>.<38 base62>` (random + checksum). */
export const ISSUED_KEY = /^[a-z][a-z0-9]{0,15}_[0-9A-Za-z]{8}\.[0-9A-Za-z]{38}$/;

export async function createApp(dataDir: string, name = 'Pyas'): Promise<void> {
  await keyhavenOk(['apps', 'create', name], { dataDir });
}

/** Issues a key and returns it as printed (one line on stdout). */
export async function issueKey(dataDir: string, app: string, args: readonly string[]): Promise<string> {
  const stdout = await keyhavenOk(['keys', 'create', app, ...args], { dataDir });
  return stdout.trimEnd();
}

/** The public key id (`n58lZyBi`) of a printed key. */
export function keyIdOf(key: string): string {
  return key.slice(key.indexOf('_') + 1, key.indexOf('.'));
}

export function verify(dataDir: string, presented: string, args: readonly string[] = []): Promise<CliRun> {
  return keyhaven(['keys', 'verify', ...args], { dataDir, input: presented });
}
