import { randomUUID } from 'node:crypto';
import { VERIFY_SCHEMES, type VerifyScheme } from '../../../shared/catalogs/header-schemes';
import { DEFAULT_SCOPES } from '../../../shared/catalogs/scopes';
import {
  DEFAULT_APP_HEADER_SCHEME,
  DEFAULT_KEYSET_SETTINGS,
  deriveKeyPrefix,
  uniqueKeyPrefix,
  type App,
  type AppSummary,
} from '../../../shared/domain/app';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import { findApp } from '../db/ops';
import type { KeyhavenFile } from '../db/schema';
import { CoreError } from '../errors';
import type { KeySecrets } from '../keys/key-secrets';
import { EXPIRING_SOON_MS, isLive, statusOf } from '../keys/key-status';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CreateApp {
  name: string;
  description?: string | undefined;
  headerScheme?: VerifyScheme | undefined;
  /** `none`: an app whose keys carry no scopes (atfinity, nexos.ai); scopes can still be added later. */
  scopes?: 'default' | 'none' | undefined;
}

export interface UpdateApp {
  appId: string;
  name?: string | undefined;
  description?: string | undefined;
  keyPrefix?: string | undefined;
  headerScheme?: VerifyScheme | undefined;
}

export class AppService {
  constructor(
    private readonly db: KeyhavenDb,
    private readonly secrets: KeySecrets,
    private readonly clock: Clock,
    /** A new name or prefix is in the app's keyset: a published one is rewritten (keysets/keyset-service.ts). */
    private readonly afterChange: (appId: string) => Promise<void> = async () => undefined,
  ) {}

  list(): AppSummary[] {
    const data = this.db.snapshot();
    const now = this.clock.now();
    const counts = new Map<string, { all: number; active: number; soon: number; day: number }>();
    for (const key of data.keys) {
      let count = counts.get(key.appId);
      if (!count) counts.set(key.appId, (count = { all: 0, active: 0, soon: 0, day: 0 }));
      count.all += 1;
      const status = statusOf(key, now);
      if (!isLive(status)) continue;
      count.active += 1;
      const left = key.expiresAt === null ? Infinity : Date.parse(key.expiresAt) - now.getTime();
      if (left <= EXPIRING_SOON_MS) count.soon += 1;
      if (left <= DAY_MS) count.day += 1;
    }
    return data.apps
      .map((app) => {
        const count = counts.get(app.id);
        return {
          ...structuredClone(app),
          keyCount: count?.all ?? 0,
          activeKeyCount: count?.active ?? 0,
          expiringSoonCount: count?.soon ?? 0,
          expiringWithinDayCount: count?.day ?? 0,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  get(appId: string): App {
    return structuredClone(findApp(this.db.snapshot(), appId));
  }

  /** The app's own secrets go to the keychain first: no key of it can exist without its pepper. */
  async create(input: CreateApp): Promise<App> {
    assertNameFree(this.db.snapshot(), input.name); // fail fast before touching the keychain
    const id = randomUUID();
    await this.secrets.createFor(id);
    const app = await this.db.commit((data) => {
      assertNameFree(data, input.name);
      const app: App = {
        id,
        name: input.name,
        description: input.description ?? '',
        keyPrefix: uniqueKeyPrefix(deriveKeyPrefix(input.name), new Set(data.apps.map((a) => a.keyPrefix))),
        scopes: input.scopes === 'none' ? [] : DEFAULT_SCOPES.map((scope) => ({ ...scope })),
        createdAt: this.clock.now().toISOString(),
        keyHashing: 'app',
        keyset: { ...DEFAULT_KEYSET_SETTINGS },
        headerScheme: input.headerScheme ?? DEFAULT_APP_HEADER_SCHEME,
        archivedAt: null,
      };
      return {
        ops: [{ type: 'app.insert', app }],
        result: app,
        activity: [{ type: 'app.created', appId: app.id, summary: `App "${app.name}" created` }],
      };
    });
    return structuredClone(app);
  }

  /** Name, description, key prefix, header scheme. A new prefix applies to keys generated from now on. */
  async update(input: UpdateApp): Promise<App> {
    const app = await this.commitUpdate(input);
    await this.afterChange(app.id);
    return app;
  }

  private async commitUpdate(input: UpdateApp): Promise<App> {
    const app = await this.db.commit((data) => {
      const app = findApp(data, input.appId);
      const patch: Partial<App> = {};
      const changes: string[] = [];
      if (input.name !== undefined && input.name !== app.name) {
        assertNameFree(data, input.name, app.id);
        patch.name = input.name;
        changes.push(`renamed from "${app.name}" to "${input.name}"`);
      }
      if (input.description !== undefined && input.description !== app.description) {
        patch.description = input.description;
        changes.push('description changed');
      }
      if (input.keyPrefix !== undefined && input.keyPrefix !== app.keyPrefix) {
        if (data.apps.some((other) => other.id !== app.id && other.keyPrefix === input.keyPrefix)) {
          throw new CoreError('CONFLICT', `Another app already uses the key prefix "${input.keyPrefix}".`, {
            field: 'keyPrefix',
          });
        }
        patch.keyPrefix = input.keyPrefix;
        changes.push(`key prefix changed from ${app.keyPrefix} to ${input.keyPrefix} (existing keys keep theirs)`);
      }
      if (input.headerScheme !== undefined && input.headerScheme !== app.headerScheme) {
        patch.headerScheme = input.headerScheme;
        changes.push(`keys now sent as ${schemeLabel(input.headerScheme)} (was ${schemeLabel(app.headerScheme)})`);
      }
      const updated = { ...app, ...patch };
      if (changes.length === 0) return { ops: [], result: updated };
      return {
        ops: [{ type: 'app.patch', appId: app.id, patch }],
        result: updated,
        activity: [{ type: 'app.updated', appId: app.id, summary: `App "${updated.name}": ${changes.join('; ')}` }],
      };
    });
    return structuredClone(app);
  }
}

const schemeLabel = (scheme: VerifyScheme) => VERIFY_SCHEMES.find((s) => s.id === scheme)?.label ?? scheme;

function assertNameFree(data: Readonly<KeyhavenFile>, name: string, exceptId?: string): void {
  const wanted = name.toLocaleLowerCase();
  if (data.apps.some((app) => app.id !== exceptId && app.name.toLocaleLowerCase() === wanted)) {
    throw new CoreError('CONFLICT', `An app named "${name}" already exists.`, { field: 'name' });
  }
}

export { findApp };
