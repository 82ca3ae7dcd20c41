import { Archive, Trash2 } from 'lucide-react';
import { useRef, useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import { isFailure } from '../../api/client';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApps } from '../../stores/apps-store';
import { useKeys } from '../../stores/keys-store';
import { useNavigation } from '../../stores/navigation-store';

/**
 * Settings → Archive or delete. Archive revokes every key of the app for good and stops new ones; delete
 * is for an app with no live key (the core refuses otherwise, and says why).
 */
export function AppRetirementSettings({ app }: { app: App }) {
  const archive = useApps((s) => s.archive);
  const remove = useApps((s) => s.remove);
  const reloadKeys = useKeys((s) => s.load);
  const goToApps = useNavigation((s) => s.goToApps);
  const [dialog, setDialog] = useState<'archive' | 'delete' | null>(null);
  const archived = app.archivedAt !== null;
  // Archive removes its own button: focus then goes to Delete, the next thing to do.
  const deleteButton = useRef<HTMLButtonElement>(null);

  const confirmArchive = async () => {
    const result = await archive(app.id);
    if (isFailure(result)) return result;
    void reloadKeys(app.id);
    setDialog(null);
    return null;
  };
  const confirmDelete = async () => {
    const result = await remove(app.id);
    if (isFailure(result)) return result;
    goToApps();
    return null;
  };

  return (
    <div className="retire-app">
      {archived ? (
        <p className="muted">This app is archived: its keys are revoked and it issues no new keys.</p>
      ) : (
        <div className="retire-app__row">
          <p>
            <strong>Archive this app.</strong> Every key of {app.name} is revoked at once and no new key can be
            generated. This cannot be undone.
          </p>
          <Button icon={Archive} onClick={() => setDialog('archive')}>
            Archive app
          </Button>
        </div>
      )}
      <div className="retire-app__row">
        <p>
          <strong>Delete this app.</strong> Only an app with no live key can be deleted: revoke its keys or archive it
          first. Its activity stays in the log.
        </p>
        <Button ref={deleteButton} variant="danger" icon={Trash2} onClick={() => setDialog('delete')}>
          Delete app
        </Button>
      </div>
      {dialog === 'archive' ? (
        <ConfirmDialog
          title="Archive app"
          tone="danger"
          confirmLabel="Archive app"
          busyLabel="Archiving…"
          failureTitle="The app was not archived"
          onConfirm={confirmArchive}
          onClose={() => setDialog(null)}
          fallbackFocus={() => deleteButton.current}
        >
          <p>
            Archiving “{app.name}” revokes all of its keys immediately, here and in its published keyset, and no new key
            can be generated for it. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
      {dialog === 'delete' ? (
        <ConfirmDialog
          title="Delete app"
          tone="danger"
          confirmLabel="Delete app"
          busyLabel="Deleting…"
          failureTitle="The app was not deleted"
          onConfirm={confirmDelete}
          onClose={() => setDialog(null)}
        >
          <p>
            Deleting “{app.name}” removes it and the records of its ended keys from Keyhaven. Its activity stays in the
            log. This cannot be undone.
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
