import { randomUUID } from 'node:crypto';
import type { Expiration } from '../../../shared/domain/expiration';
import type { GeneratedKey, IssuedKeySummary, VerifyResult } from '../../../shared/domain/issued-key';
import type { VerifyScheme } from '../../../shared/catalogs/header-schemes';
import { formatInstant } from '../activity/wording';
import { findApp } from '../apps/app-service';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { App } from '../../../shared/domain/app';
import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { findKey } from '../db/ops';
import { expiresAtFor } from './expiry';
import { keyFromHeader } from './header-value';
import { formatKey, newKeyId } from './key-format';
import type { KeyHasher } from './key-hasher';
import { keyLabel, toSummary } from './key-records';
import type { KeySecrets } from './key-secrets';
import type { SealSource } from '../integrity/seal-source';
import type { UsageRecorder } from './usage-recorder';
import { findPresentedKey, keysByKeyId, verifyFoundKey, type VerifyOutcome } from './verify';

const KEY_ID_ATTEMPTS = 5;

export interface GenerateKey {
  appId: string;
  name: string;
  expiration: Expiration;
  scopes: string[];
}

export class KeyService {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly secrets: KeySecrets,
    private readonly seals: SealSource,
    private readonly usage: UsageRecorder,
    private readonly clock: Clock,
  ) {}

  list(appId: string): IssuedKeySummary[] {
    const data = this.db.snapshot();
    findApp(data, appId);
    const now = this.clock.now();
    const out: IssuedKeySummary[] = [];
    for (let i = data.keys.length - 1; i >= 0; i -= 1) {
      const key = data.keys[i] as IssuedKeyRecord;
      if (key.appId === appId) out.push(this.withPendingUse(toSummary(key, now)));
    }
    return out;
  }

  async generate(input: GenerateKey): Promise<GeneratedKey> {
    findApp(this.db.snapshot(), input.appId); // fail fast before touching the keychain
    const hasher = await this.secrets.hasherFor(input.appId);
    const now = this.clock.now();
    const { record, plaintext } = await this.db.commit((data) => {
      const app = findApp(data, input.appId);
      assertScopesInCatalog(app, input.scopes);
      const issued = issueKey(data, hasher, app, {
        name: input.name,
        scopes: input.scopes,
        expiration: input.expiration,
        now,
      });
      const { record } = issued;
      return {
        ops: [{ type: 'key.insert', key: record }],
        result: issued,
        activity: [
          {
            type: 'key.generated',
            appId: app.id,
            issuedKeyId: record.id,
            keyLabel: keyLabel(record),
            summary: `API key "${record.name}" generated${describeExpiry(record)}`,
          },
        ],
      };
    });
    return { key: toSummary(record, now), plaintext, replaced: null };
  }

  private withPendingUse(summary: IssuedKeySummary): IssuedKeySummary {
    const pending = this.usage.pendingFor(summary.id);
    if (!pending) return summary;
    const lastUsedAt =
      summary.lastUsedAt !== null && summary.lastUsedAt > pending.lastUsedAt ? summary.lastUsedAt : pending.lastUsedAt;
    return { ...summary, useCount: summary.useCount + pending.count, lastUsedAt, unused: false };
  }

  /**
   * Show or Copy on the "Store your API key" page, or the one printing by the command line (`where`):
   * recorded, never with the key itself.
   */
  async recordViewed(id: string, action: 'shown' | 'copied', where = 'on its store page'): Promise<null> {
    return this.db.commit((data) => {
      const key = findKey(data, id);
      if (!key) throw notFound('The API key');
      return {
        ops: [],
        result: null,
        activity: [
          {
            type: action === 'shown' ? 'key.shown' : 'key.copied',
            appId: key.appId,
            issuedKeyId: key.id,
            keyLabel: keyLabel(key),
            summary: `API key "${key.name}" ${action === 'shown' ? 'shown' : 'copied'} ${where}`,
          },
        ],
      };
    });
  }

  /** Checks a key as sent in a header; counts the use of a valid key. */
  async verify(headerValue: string, scheme: VerifyScheme, requiredScope?: string): Promise<VerifyResult> {
    const outcome = await this.verifyKey(keyFromHeader(headerValue, scheme) ?? '', requiredScope);
    const now = this.clock.now();
    return { code: outcome.code, key: outcome.key ? this.withPendingUse(toSummary(outcome.key, now)) : null };
  }

  /** The bare key check used by the local test API and the command line. */
  async verifyKey(presented: string, requiredScope?: string): Promise<VerifyOutcome> {
    const found = findPresentedKey(this.db.snapshot(), presented);
    if (found.code !== null) return found;
    const { appId } = found.key;
    const hasher = this.secrets.loadedHasherFor(appId) ?? (await this.secrets.hasherFor(appId));
    const sealer = this.seals.loaded ?? (await this.seals.sealer());
    const now = this.clock.now();
    const outcome = verifyFoundKey(found.key, hasher, sealer, presented, now, requiredScope);
    if (outcome.code === 'VALID') this.usage.record(outcome.key.id, now);
    return outcome;
  }
}

export interface IssueParams {
  name: string;
  scopes: string[];
  expiration: Expiration;
  now: Date;
  replacesId?: string;
}

/** Builds a new key record and its one-time plaintext; the caller commits the record. */
export function issueKey(
  data: Readonly<KeyhavenFile>,
  hasher: KeyHasher,
  app: App,
  params: IssueParams,
): { record: IssuedKeyRecord; plaintext: string } {
  if (app.archivedAt !== null) {
    throw new CoreError('CONFLICT', `App "${app.name}" is archived: it issues no new keys.`);
  }
  const keyId = uniqueKeyId(data);
  const plaintext = formatKey(app.keyPrefix, keyId);
  const record: IssuedKeyRecord = {
    id: randomUUID(),
    appId: app.id,
    name: params.name,
    note: '',
    prefix: app.keyPrefix,
    keyId,
    hash: hasher.hash(plaintext),
    hashVersion: 1,
    scopes: [...params.scopes],
    createdAt: params.now.toISOString(),
    expiration: params.expiration,
    expiresAt: expiresAtFor(params.expiration, params.now),
    revokedAt: null,
    disabledAt: null,
    lastUsedAt: null,
    useCount: 0,
    replacesId: params.replacesId ?? null,
    replacedById: null,
    graceEndsAt: null,
    remindersSent: [],
    seal: null, // sealed in the commit (keys/key-seal.ts)
  };
  return { record, plaintext };
}

/** Checked on insert against every key ever issued here; a collision is retried. */
function uniqueKeyId(data: Readonly<KeyhavenFile>): string {
  const taken = keysByKeyId(data.keys);
  for (let attempt = 0; attempt < KEY_ID_ATTEMPTS; attempt += 1) {
    const keyId = newKeyId();
    if (!taken.has(keyId)) return keyId;
  }
  // 62^8 ids: reaching this means the random source is broken, not bad luck.
  throw new CoreError('INTERNAL', 'Could not allocate a unique key id.');
}

function assertScopesInCatalog(app: App, scopes: string[]): void {
  const known = new Set(app.scopes.map((scope) => scope.id));
  const unknown = scopes.filter((scope) => !known.has(scope));
  if (unknown.length > 0) {
    throw new CoreError('INVALID_INPUT', `This app has no scope ${unknown.slice(0, 3).join(', ')}.`);
  }
}

export function describeExpiry(key: Pick<IssuedKeyRecord, 'expiresAt'>): string {
  return key.expiresAt === null ? ', never expires' : `, expires ${formatInstant(key.expiresAt)}`;
}
