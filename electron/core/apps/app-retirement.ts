import type { App } from '../../../shared/domain/app';
import type { ActivityEvent } from '../activity/activity-event';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findApp, type Op } from '../db/ops';
import { CoreError } from '../errors';
import { keyLabel } from '../keys/key-records';
import { mayStillWork } from '../keys/key-status';

/**
 * The two ways an app ends. Archive revokes every key it still has, in one commit with the app's mark,
 * so its keys answer REVOKED everywhere the revocation already reaches (the core's verify, the local
 * test API, the published keyset) and nothing new can be issued; it cannot be undone, as a revocation
 * cannot. Delete removes an app with no key that works or may work again (disabled, or in a rotation's
 * grace period): a key a service may still accept is never forgotten by Keyhaven.
 */
export class AppRetirement {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly clock: Clock,
    /** Its keys were revoked: a published keyset is rewritten (keysets/keyset-service.ts). */
    private readonly afterKeysChanged: (appId: string) => Promise<void>,
  ) {}

  async archive(appId: string): Promise<App> {
    const now = this.clock.now();
    const at = now.toISOString();
    const archived = await this.db.commit((data) => {
      const app = findApp(data, appId);
      if (app.archivedAt !== null) throw new CoreError('CONFLICT', `App "${app.name}" is already archived.`);
      const ops: Op[] = [{ type: 'app.patch', appId, patch: { archivedAt: at } }];
      const activity: ActivityEvent[] = [];
      for (const key of data.keys) {
        if (key.appId !== appId || key.revokedAt !== null) continue;
        ops.push({ type: 'key.patch', id: key.id, patch: { revokedAt: at } });
        activity.push({
          type: 'key.revoked',
          appId,
          issuedKeyId: key.id,
          keyLabel: keyLabel(key),
          summary: `API key "${key.name}" revoked with its app`,
        });
      }
      const revoked = activity.length;
      activity.unshift({
        type: 'app.archived',
        appId,
        summary: `App "${app.name}" archived: ${revoked} key${revoked === 1 ? '' : 's'} revoked, no new keys`,
      });
      return { ops, result: { ...app, archivedAt: at }, activity };
    });
    await this.afterKeysChanged(appId);
    return structuredClone(archived);
  }

  /** Refused, naming how many, while a key of the app works or may work again. */
  async delete(appId: string): Promise<null> {
    const now = this.clock.now();
    return this.db.commit((data) => {
      const app = findApp(data, appId);
      const live = data.keys.filter((key) => key.appId === appId && mayStillWork(key, now)).length;
      if (live > 0) {
        throw new CoreError(
          'CONFLICT',
          `App "${app.name}" still has ${live} live key${live === 1 ? '' : 's'} (active, disabled or in a rotation's grace period). Revoke ${live === 1 ? 'it' : 'them'}, or archive the app, before deleting it.`,
        );
      }
      return {
        ops: [{ type: 'app.delete', appId }],
        result: null,
        activity: [{ type: 'app.deleted', appId, summary: `App "${app.name}" deleted with its ended keys` }],
      };
    });
  }
}
