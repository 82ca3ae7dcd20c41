import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { listFilesRecursive } from './files';

/**
 * Searching for secrets that must never be written anywhere (issue 4, "Storage and keychain"): each
 * secret in clear and in base64 and base64url at any of the three byte alignments, so a secret inside
 * a larger base64 blob (a JSON field, a log line that encodes its argument) is found too.
 */

/** A unique, recognisable secret for one path of a canary test: `canary-<label>-<40 hex>`. */
export function canarySecret(label: string): string {
  return `canary-${label}-${randomBytes(20).toString('hex')}`;
}

/**
 * The forms of `secret` to search for: itself, and the part of its base64 (and base64url) encoding
 * that does not depend on neighbouring bytes, for each of the 3 offsets it can start at in a larger
 * buffer. Every form is at least 20 characters for a 30-character secret, so a hit is never chance.
 */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set<string>([secret]);
  for (const offset of [0, 1, 2]) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Characters fully made of the secret's bits: from ceil(offset·8/6) to floor((offset+n)·8/6).
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const stable = encoded.slice(start, end);
    forms.add(stable);
    forms.add(stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...forms];
}

export interface CanaryHit {
  secret: string;
  form: string;
  where: string;
}

/** Every form of every secret in a text (a log, the console), as hits naming `where`. */
export function textHits(where: string, text: string, secrets: readonly string[]): CanaryHit[] {
  const hits: CanaryHit[] = [];
  for (const secret of secrets) {
    for (const form of secretForms(secret)) if (text.includes(form)) hits.push({ secret, form, where });
  }
  return hits;
}

/**
 * Every form of every secret in every file under `dir` (data files, journals, backups/, `.bak`, temp
 * and lock files, at any depth), read as raw bytes and as UTF-16 (how some stores write strings).
 */
export async function folderHits(dir: string, secrets: readonly string[]): Promise<CanaryHit[]> {
  const hits: CanaryHit[] = [];
  const files = await listFilesRecursive(dir);
  for (const file of files) {
    const bytes = await readFile(file);
    for (const secret of secrets) {
      for (const form of secretForms(secret)) {
        if (bytes.includes(Buffer.from(form, 'utf8')) || bytes.includes(Buffer.from(form, 'utf16le'))) {
          hits.push({ secret, form, where: file });
        }
      }
    }
  }
  return hits;
}
