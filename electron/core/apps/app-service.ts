import { randomUUID } from 'node:crypto';
import { deriveKeyPrefix, uniqueKeyPrefix, type App, type AppSummary } from '../../../shared/domain/app';
import { DEFAULT_SCOPES } from '../../../shared/catalogs/scopes';
import { appendActivity } from '../activity/activity-log';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { KeyhavenFile } from '../db/schema';
import { CoreError, notFound } from '../errors';
import { statusOf } from '../keys/key-status';

export interface CreateApp {
  name: string;
  description?: string | undefined;
}

export class AppService {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly clock: Clock,
  ) {}

  list(): AppSummary[] {
    const data = this.db.snapshot();
    const now = this.clock.now();
    const counts = new Map<string, { all: number; active: number }>();
    for (const key of data.keys) {
      const count = counts.get(key.appId) ?? { all: 0, active: 0 };
      count.all += 1;
      const status = statusOf(key, now);
      if (status === 'active' || status === 'expiring_soon') count.active += 1;
      counts.set(key.appId, count);
    }
    return data.apps
      .map((app) => ({
        ...structuredClone(app),
        keyCount: counts.get(app.id)?.all ?? 0,
        activeKeyCount: counts.get(app.id)?.active ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(appId: string): App {
    return structuredClone(findApp(this.db.snapshot(), appId));
  }

  create(input: CreateApp): Promise<App> {
    return this.db.update((data) => {
      const wanted = input.name.toLocaleLowerCase();
      if (data.apps.some((app) => app.name.toLocaleLowerCase() === wanted)) {
        throw new CoreError('CONFLICT', `An app named "${input.name}" already exists.`);
      }
      const now = this.clock.now();
      const app: App = {
        id: randomUUID(),
        name: input.name,
        description: input.description ?? '',
        keyPrefix: uniqueKeyPrefix(deriveKeyPrefix(input.name), new Set(data.apps.map((a) => a.keyPrefix))),
        scopes: DEFAULT_SCOPES.map((scope) => ({ ...scope })),
        createdAt: now.toISOString(),
      };
      data.apps.push(app);
      appendActivity(data, now, { type: 'app.created', appId: app.id, summary: `App "${app.name}" created` });
      return structuredClone(app);
    });
  }
}

export function findApp(data: Readonly<KeyhavenFile>, appId: string): App {
  const app = data.apps.find((candidate) => candidate.id === appId);
  if (!app) throw notFound('The app');
  return app;
}
