import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { App, Scope } from '../../../../shared/domain/app';
import { Button } from '../../components/Button';
import { useKeys } from '../../stores/keys-store';
import { RemoveScopeDialog } from './RemoveScopeDialog';
import { ScopeForm } from './ScopeForm';

type Editing = { kind: 'add' } | { kind: 'rename'; scopeId: string } | null;

interface ScopeViewProps {
  scope: Scope;
  onRename: () => void;
  onRemove: () => void;
  renameRef: (el: HTMLButtonElement | null) => void;
}

function ScopeView({ scope, onRename, onRemove, renameRef }: ScopeViewProps) {
  const labelId = `scope-${scope.id.replace(':', '-')}`;
  return (
    <div className="scope-item">
      <div className="scope-item__text">
        <span id={labelId} className="scope-item__label">
          {scope.label}
        </span>{' '}
        <code className="scope-item__id">{scope.id}</code>
        {scope.description ? <p className="muted">{scope.description}</p> : null}
      </div>
      <div className="scope-item__actions">
        <Button ref={renameRef} size="sm" variant="ghost" icon={Pencil} aria-describedby={labelId} onClick={onRename}>
          Rename
        </Button>
        <Button size="sm" variant="ghost" icon={Trash2} aria-describedby={labelId} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </div>
  );
}

/** Settings → Scopes: the catalog keys choose from, with Add scope, Rename and Remove. */
export function ScopeSettings({ app }: { app: App }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Scope | null>(null);
  const loadKeys = useKeys((s) => s.load);
  // When a form closes, focus goes back to what opened it (the form's own elements are gone).
  // A layout effect moves it in the same commit that removes the form, so focus is never left on
  // the page body in between (a passive effect after an awaited save can run a frame later).
  const returnFocus = useRef<Editing>(null);
  const renameButtons = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);

  const finishEditing = () => {
    returnFocus.current = editing;
    setEditing(null);
  };

  useLayoutEffect(() => {
    const was = returnFocus.current;
    if (editing !== null || was === null) return;
    returnFocus.current = null;
    if (was.kind === 'add') addButton.current?.focus();
    else renameButtons.current.get(was.scopeId)?.focus();
  }, [editing]);

  // The remove confirmation counts the keys that have a scope.
  useEffect(() => {
    void loadKeys(app.id);
  }, [app.id, loadKeys]);

  return (
    <>
      <ul className="scope-list" aria-label={`Scopes of ${app.name}`}>
        {app.scopes.map((scope) => (
          <li key={scope.id}>
            {editing?.kind === 'rename' && editing.scopeId === scope.id ? (
              <ScopeForm app={app} scope={scope} onDone={finishEditing} />
            ) : (
              <ScopeView
                scope={scope}
                onRename={() => setEditing({ kind: 'rename', scopeId: scope.id })}
                onRemove={() => setRemoving(scope)}
                renameRef={(el) => {
                  if (el) renameButtons.current.set(scope.id, el);
                  else renameButtons.current.delete(scope.id);
                }}
              />
            )}
          </li>
        ))}
        {app.scopes.length === 0 ? <li className="scope-list__empty muted">This app has no scopes.</li> : null}
      </ul>
      {editing?.kind === 'add' ? (
        <ScopeForm app={app} onDone={finishEditing} />
      ) : (
        <div>
          <Button ref={addButton} icon={Plus} onClick={() => setEditing({ kind: 'add' })}>
            Add scope
          </Button>
        </div>
      )}
      {removing ? <RemoveScopeDialog app={app} scope={removing} onClose={() => setRemoving(null)} /> : null}
    </>
  );
}
