import type { App } from '../../../../shared/domain/app';
import { RelativeTime } from '../../components/RelativeTime';
import { Table, type Column } from '../../components/Table';
import { formatAbsolute } from '../../lib/time';

type Scope = App['scopes'][number];

const SCOPE_COLUMNS: readonly Column<Scope>[] = [
  { id: 'label', header: 'Scope', cell: (scope) => scope.label, className: 'cell-strong' },
  { id: 'id', header: 'Identifier', cell: (scope) => <code>{scope.id}</code> },
  { id: 'description', header: 'Grants', cell: (scope) => scope.description, className: 'cell-muted' },
];

/** The app's settings, read-only in this version. */
export function SettingsTab({ app }: { app: App }) {
  return (
    <div className="settings">
      <section className="settings__section" aria-labelledby="settings-general">
        <h2 id="settings-general" className="section-title">
          General
        </h2>
        <dl className="details">
          <div className="details__row">
            <dt>Name</dt>
            <dd>{app.name}</dd>
          </div>
          <div className="details__row">
            <dt>Description</dt>
            <dd>{app.description || <span className="muted">No description</span>}</dd>
          </div>
          <div className="details__row">
            <dt>Key prefix</dt>
            <dd>
              <code>{app.keyPrefix}</code>
              <span className="muted"> — keys look like </span>
              <code>{app.keyPrefix}_XXXXXXXX.…</code>
            </dd>
          </div>
          <div className="details__row">
            <dt>Created</dt>
            <dd>
              {formatAbsolute(app.createdAt)}{' '}
              <span className="muted">
                (<RelativeTime iso={app.createdAt} />)
              </span>
            </dd>
          </div>
        </dl>
      </section>
      <section className="settings__section" aria-labelledby="settings-scopes">
        <h2 id="settings-scopes" className="section-title">
          Scopes
        </h2>
        <p className="muted">The permissions an API key of this app can be given.</p>
        <Table caption={`Scopes of ${app.name}`} columns={SCOPE_COLUMNS} rows={app.scopes} rowKey={(s) => s.id} />
      </section>
    </div>
  );
}
