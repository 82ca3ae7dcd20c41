import type { IssuedKeySummary } from '../../../shared/domain/issued-key';
import type { ActivityEvent } from '../activity/activity-event';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findKey, type KeyPatch } from '../db/ops';
import type { IssuedKeyRecord } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { keyLabel, toSummary } from './key-records';
import { statusOf } from './key-status';

export interface KeyChange {
  id: string;
  name?: string | undefined;
  note?: string | undefined;
}

/**
 * What the key's page changes on an issued key without ending it: its name and note, and disabling
 * it — a temporary stop, undone by enabling it, where revoking is for good. Each change is committed
 * with its activity record.
 */
export class KeyEditing {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly clock: Clock,
  ) {}

  /** Rename, or change the note; a change to neither records nothing. */
  async update(change: KeyChange): Promise<IssuedKeySummary> {
    return this.commitPatch(change.id, (key) => {
      const patch: KeyPatch = {};
      const said: string[] = [];
      if (change.name !== undefined && change.name !== key.name) {
        patch.name = change.name;
        said.push(`renamed from "${key.name}" to "${change.name}"`);
      }
      if (change.note !== undefined && change.note !== key.note) {
        patch.note = change.note;
        said.push(change.note === '' ? 'note removed' : 'note changed');
      }
      return { patch, summary: said.length > 0 ? `API key "${key.name}" ${said.join('; ')}` : null };
    });
  }

  /** A live key stops verifying (DISABLED) until it is enabled; an ended key has nothing to stop. */
  async disable(id: string): Promise<IssuedKeySummary> {
    const now = this.clock.now();
    return this.commitPatch(id, (key) => {
      const status = statusOf(key, now);
      if (status === 'disabled') throw new CoreError('CONFLICT', `API key "${key.name}" is already disabled.`);
      if (status !== 'active' && status !== 'expiring_soon') {
        throw new CoreError('CONFLICT', `API key "${key.name}" is ${status}: there is nothing to disable.`);
      }
      return {
        patch: { disabledAt: now.toISOString() },
        summary: `API key "${key.name}" disabled: it answers DISABLED until it is enabled`,
        type: 'key.disabled',
      };
    });
  }

  /** Undoes disable: the key verifies as before (unless it expired meanwhile). */
  async enable(id: string): Promise<IssuedKeySummary> {
    const now = this.clock.now();
    return this.commitPatch(id, (key) => {
      if (key.disabledAt === null) throw new CoreError('CONFLICT', `API key "${key.name}" is not disabled.`);
      const status = statusOf(key, now);
      if (status !== 'disabled') {
        throw new CoreError('CONFLICT', `API key "${key.name}" is ${status}: enabling it would not bring it back.`);
      }
      return { patch: { disabledAt: null }, summary: `API key "${key.name}" enabled again`, type: 'key.enabled' };
    });
  }

  private async commitPatch(
    id: string,
    plan: (key: IssuedKeyRecord) => { patch: KeyPatch; summary: string | null; type?: ActivityEvent['type'] },
  ): Promise<IssuedKeySummary> {
    const updated = await this.db.commit((data) => {
      const key = findKey(data, id);
      if (!key) throw notFound('The API key');
      const { patch, summary, type = 'key.updated' } = plan(key);
      const next = { ...key, ...patch };
      if (summary === null) return { ops: [], result: next };
      const event: ActivityEvent = { type, appId: key.appId, issuedKeyId: key.id, keyLabel: keyLabel(key), summary };
      return { ops: [{ type: 'key.patch', id, patch }], result: next, activity: [event] };
    });
    return toSummary(updated, this.clock.now());
  }
}
