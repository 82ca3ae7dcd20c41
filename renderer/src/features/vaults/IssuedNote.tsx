import type { EntryView } from '../../../../shared/domain/vault';

/** For a key Keyhaven issued: which app it belongs to and what it may do. */
export function IssuedNote({ entry }: { entry: EntryView }) {
  return (
    <div className="issued-note">
      <p className="issued-note__title">Issued by Keyhaven · {entry.appName ?? 'an app'}</p>
      {entry.scopes.length > 0 ? (
        <ul className="issued-note__scopes" aria-label="Scopes">
          {entry.scopes.map((scope) => (
            <li key={scope}>
              <code>{scope}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No scopes.</p>
      )}
    </div>
  );
}
