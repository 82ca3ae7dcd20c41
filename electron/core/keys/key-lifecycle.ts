import { GRACE_PERIODS, type GracePeriodId } from '../../../shared/catalogs/expirations';
import type { GeneratedKey, IssuedKeySummary } from '../../../shared/domain/issued-key';
import { formatInstant } from '../activity/wording';
import { findApp } from '../apps/app-service';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey } from '../db/ops';
import type { IssuedKeyRecord, KeyhavenFile } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { describeExpiry, issueKey } from './key-service';
import { keyLabel, toSummary } from './key-records';
import { isLive, statusOf } from './key-status';
import type { KeySecrets } from './key-secrets';

/** Rotate (nexos.ai, Extracta's regenerate) and revoke (atfinity): the two ways a key ends. */
export class KeyLifecycle {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly secrets: KeySecrets,
    private readonly clock: Clock,
  ) {}

  /**
   * Replaces a live key with a new one that keeps its app, name, scopes and expiration setting (a
   * preset restarts from now, a custom date stays). The old key keeps working for the grace period,
   * never past its own expiry, then is permanently disabled.
   */
  async rotate(id: string, grace: GracePeriodId): Promise<GeneratedKey> {
    const old = findKey(this.db.snapshot(), id);
    if (!old) throw notFound('The API key');
    const hasher = await this.secrets.hasherFor(old.appId);
    const now = this.clock.now();
    const graceMs = GRACE_PERIODS.find((g) => g.id === grace)?.ms ?? 0;
    return this.db.commit((data) => {
      const old = liveKey(data, id, now, 'rotated');
      const app = findApp(data, old.appId);
      const { record, plaintext } = issueKey(data, hasher, app, {
        name: old.name,
        scopes: old.scopes.filter((scope) => app.scopes.some((s) => s.id === scope)),
        expiration: old.expiration,
        now,
        replacesId: old.id,
      });
      const graceEnd = Math.min(now.getTime() + graceMs, old.expiresAt ? Date.parse(old.expiresAt) : Infinity);
      const patch = { replacedById: record.id, graceEndsAt: new Date(graceEnd).toISOString() };
      const worksUntil =
        graceMs === 0 ? 'stopped working immediately' : `keeps working until ${formatInstant(patch.graceEndsAt)}`;
      return {
        ops: [
          { type: 'key.insert', key: record },
          { type: 'key.patch', id: old.id, patch },
        ],
        result: { key: toSummary(record, now), plaintext, replaced: toSummary({ ...old, ...patch }, now) },
        activity: [
          {
            type: 'key.rotated',
            appId: old.appId,
            issuedKeyId: old.id,
            keyLabel: keyLabel(old),
            summary: `API key "${old.name}" rotated: replaced by ${keyLabel(record)}; the old key ${worksUntil}`,
          },
          {
            type: 'key.generated',
            appId: record.appId,
            issuedKeyId: record.id,
            keyLabel: keyLabel(record),
            summary: `API key "${record.name}" generated to replace ${keyLabel(old)}${describeExpiry(record)}`,
          },
        ],
      };
    });
  }

  /** Immediate and irreversible. A rotated key still in its grace period can be revoked too. */
  async revoke(id: string): Promise<IssuedKeySummary> {
    const now = this.clock.now();
    const revoked = await this.db.commit((data) => {
      const key = findKey(data, id);
      if (!key) throw notFound('The API key');
      if (key.revokedAt !== null) throw new CoreError('CONFLICT', `API key "${key.name}" is already revoked.`);
      const patch = { revokedAt: now.toISOString() };
      return {
        ops: [{ type: 'key.patch', id, patch }],
        result: { ...key, ...patch },
        activity: [
          {
            type: 'key.revoked',
            appId: key.appId,
            issuedKeyId: key.id,
            keyLabel: keyLabel(key),
            summary: `API key "${key.name}" revoked`,
          },
        ],
      };
    });
    return toSummary(revoked, now);
  }
}

function liveKey(data: Readonly<KeyhavenFile>, id: string, now: Date, action: string): IssuedKeyRecord {
  const key = findKey(data, id);
  if (!key) throw notFound('The API key');
  const status = statusOf(key, now);
  if (!isLive(status)) {
    throw new CoreError('CONFLICT', `API key "${key.name}" is ${status} and cannot be ${action}.`);
  }
  return key;
}
