import type { App, Scope } from '../../../../shared/domain/app';
import { isFailure } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApps } from '../../stores/apps-store';
import { EMPTY_KEY_LIST, useKeys } from '../../stores/keys-store';

export function keysLosingScope(count: number): string {
  if (count === 0) return 'No key has it.';
  return count === 1 ? '1 key has it and will lose it.' : `${count} keys have it and will lose it.`;
}

/** Removing a scope narrows every key that has it, so the confirmation says how many. */
export function RemoveScopeDialog({ app, scope, onClose }: { app: App; scope: Scope; onClose: () => void }) {
  const removeScope = useApps((s) => s.removeScope);
  const list = useKeys((s) => s.byApp[app.id] ?? EMPTY_KEY_LIST);
  const loadKeys = useKeys((s) => s.load);
  const holders = list.keys.filter((key) => key.scopes.includes(scope.id)).length;

  const confirm = async () => {
    const result = await removeScope(app.id, scope.id);
    if (isFailure(result)) return result;
    void loadKeys(app.id); // their scope lists changed
    onClose();
    return null;
  };

  return (
    <ConfirmDialog
      title="Remove scope"
      tone="danger"
      confirmLabel="Remove scope"
      busyLabel="Removing…"
      failureTitle="The scope was not removed"
      onConfirm={confirm}
      onClose={onClose}
    >
      <p>
        Remove scope <code>{scope.id}</code>?{' '}
        {list.loaded ? keysLosingScope(holders) : 'Counting the keys that have it…'}
      </p>
      <p className="muted">Keys keep their other scopes. This cannot be undone, but you can add the scope again.</p>
    </ConfirmDialog>
  );
}
