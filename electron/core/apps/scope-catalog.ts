import type { App } from '../../../shared/domain/app';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { Op } from '../db/ops';
import { CoreError, notFound } from '../errors';
import { findApp } from './app-service';

export interface ScopeFields {
  appId: string;
  label: string;
  description?: string | undefined;
}

/** An app's scope catalog (Settings → Scopes): add, rename, remove. Every change is in the activity log. */
export class ScopeCatalog {
  constructor(
    private readonly db: KeyhavenDb,
    /** Removing a scope changes keys: a published keyset is rewritten (keysets/keyset-service.ts). */
    private readonly afterKeysChanged: (appId: string) => Promise<void>,
  ) {}

  add(input: ScopeFields & { id: string }): Promise<App> {
    return this.change(input.appId, (app) => {
      if (app.scopes.some((s) => s.id === input.id)) {
        throw new CoreError('CONFLICT', `This app already has the scope ${input.id}.`, { field: 'id' });
      }
      assertLabelFree(app, input.label);
      const scopes = [...app.scopes, { id: input.id, label: input.label, description: input.description ?? '' }];
      return { scopes, summary: `scope ${input.id} ("${input.label}") added` };
    });
  }

  /** Renames the label (and description); the identifier stays, because keys refer to it. */
  rename(input: ScopeFields & { scopeId: string }): Promise<App> {
    return this.change(input.appId, (app) => {
      const scope = app.scopes.find((s) => s.id === input.scopeId);
      if (!scope) throw notFound('The scope');
      assertLabelFree(app, input.label, scope.id);
      const scopes = app.scopes.map((s) =>
        s.id === scope.id ? { ...s, label: input.label, description: input.description ?? s.description } : s,
      );
      return { scopes, summary: `scope ${scope.id} renamed from "${scope.label}" to "${input.label}"` };
    });
  }

  /** Removes the scope from the catalog and from every key of the app: permissions only ever narrow. */
  async remove(appId: string, scopeId: string): Promise<App> {
    const app = await this.change(appId, (app, data) => {
      if (!app.scopes.some((s) => s.id === scopeId)) throw notFound('The scope');
      const keyOps: Op[] = data.keys
        .filter((key) => key.appId === appId && key.scopes.includes(scopeId))
        .map((key) => ({ type: 'key.patch', id: key.id, patch: { scopes: key.scopes.filter((s) => s !== scopeId) } }));
      const scopes = app.scopes.filter((s) => s.id !== scopeId);
      const affected =
        keyOps.length === 0 ? '' : `; removed from ${keyOps.length} key${keyOps.length === 1 ? '' : 's'}`;
      return { scopes, summary: `scope ${scopeId} removed${affected}`, keyOps };
    });
    await this.afterKeysChanged(appId);
    return app;
  }

  private async change(
    appId: string,
    edit: (
      app: App,
      data: Parameters<Parameters<KeyhavenDb['commit']>[0]>[0],
    ) => { scopes: App['scopes']; summary: string; keyOps?: Op[] },
  ): Promise<App> {
    const app = await this.db.commit((data) => {
      const app = findApp(data, appId);
      const { scopes, summary, keyOps = [] } = edit(app, data);
      return {
        ops: [{ type: 'app.patch', appId, patch: { scopes } }, ...keyOps],
        result: { ...app, scopes },
        activity: [{ type: 'scopes.changed', appId, summary: `App "${app.name}": ${summary}` }],
      };
    });
    return structuredClone(app);
  }
}

function assertLabelFree(app: App, label: string, exceptId?: string): void {
  const wanted = label.toLocaleLowerCase();
  if (app.scopes.some((s) => s.id !== exceptId && s.label.toLocaleLowerCase() === wanted)) {
    throw new CoreError('CONFLICT', `This app already has a scope named "${label}".`, { field: 'label' });
  }
}
