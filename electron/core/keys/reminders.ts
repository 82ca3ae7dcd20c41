import { EXPIRY_REMINDERS, type ExpiryReminderId } from '../../../shared/catalogs/expirations';
import type { IssuedKeySummary } from '../../../shared/domain/issued-key';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { Op } from '../db/ops';
import { toSummary } from './key-records';
import { isLive, statusOf } from './key-status';

export interface DueReminder {
  key: IssuedKeySummary;
  appName: string;
  reminder: ExpiryReminderId;
}

/**
 * Expiry reminders 7 days and 1 day before a key expires, each given once (main shows them as desktop
 * notifications; the renderer's badge is derived from the keys themselves). A key already inside the
 * last day gets only the 1-day reminder: the 7-day one is marked as given with it. A reminder longer
 * than the key's whole life (the 7-day one for a 5-day key, both for a 1-hour key) is marked as given
 * silently: the user chose that expiry a moment ago.
 */
export class ExpiryReminders {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly clock: Clock,
  ) {}

  /** The reminders due now, marked as given in the same commit so a restart never repeats them. */
  takeDue(): Promise<DueReminder[]> {
    const now = this.clock.now();
    return this.db.commit((data) => {
      const ops: Op[] = [];
      const due: DueReminder[] = [];
      for (const key of data.keys) {
        if (key.expiresAt === null || !isLive(statusOf(key, now))) continue;
        const expiresMs = Date.parse(key.expiresAt);
        const left = expiresMs - now.getTime();
        const lifetime = expiresMs - Date.parse(key.createdAt);
        const reached = EXPIRY_REMINDERS.filter((r) => left <= r.ms).map((r) => r.id);
        const fresh = reached.filter((id) => !key.remindersSent.includes(id));
        if (fresh.length === 0) continue;
        // The most urgent reminder reached is the one worth showing, unless the key never lived longer.
        const reminder = reached[reached.length - 1] as ExpiryReminderId;
        const worthShowing = (EXPIRY_REMINDERS.find((r) => r.id === reminder)?.ms ?? 0) < lifetime;
        ops.push({ type: 'key.patch', id: key.id, patch: { remindersSent: [...key.remindersSent, ...fresh] } });
        if (worthShowing && fresh.includes(reminder)) {
          const appName = data.apps.find((app) => app.id === key.appId)?.name ?? 'an app';
          due.push({ key: toSummary(key, now), appName, reminder });
        }
      }
      return { ops, result: due };
    });
  }
}
