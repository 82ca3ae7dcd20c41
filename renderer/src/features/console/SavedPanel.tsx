import { Bookmark, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useState, type FormEvent } from 'react';
import type { SavedRequest } from '../../../../shared/console/history';
import type { ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ListEntry } from './ListEntry';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { TextField } from '../../components/TextField';
import { useConsole } from '../../stores/console-store';

/** Asks for a name: Save (a new saved request) and Rename use it. */
export function NameDialog(props: {
  title: string;
  submitLabel: string;
  initial?: string;
  onClose: () => void;
  onSubmit: (name: string) => Promise<ApiFailure | null>;
}) {
  const [name, setName] = useState(props.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setFailure('Enter a name.');
      return;
    }
    setBusy(true);
    const result = await props.onSubmit(name.trim());
    setBusy(false);
    if (result) setFailure(result.message);
  };
  return (
    <Dialog
      title={props.title}
      onClose={busy ? undefined : props.onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={props.onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {props.submitLabel}
          </Button>
        </>
      }
    >
      <TextField
        label="Name"
        name="saved-name"
        value={name}
        error={failure ?? undefined}
        onChange={(event) => setName(event.target.value)}
      />
    </Dialog>
  );
}

type PanelDialog = { kind: 'rename'; item: SavedRequest } | { kind: 'delete'; item: SavedRequest };

/** Saved requests grouped by service: open, rename, delete. */
export function SavedPanel() {
  const saved = useConsole((s) => s.saved);
  const loadSaved = useConsole((s) => s.loadSaved);
  const loadRequest = useConsole((s) => s.loadRequest);
  const renameSaved = useConsole((s) => s.renameSaved);
  const deleteSaved = useConsole((s) => s.deleteSaved);
  const [dialog, setDialog] = useState<PanelDialog | null>(null);

  useEffect(() => {
    void loadSaved();
  }, [loadSaved]);

  const groups = new Map<string, SavedRequest[]>();
  for (const item of [...saved.items].sort((a, b) => a.name.localeCompare(b.name))) {
    groups.set(item.group, [...(groups.get(item.group) ?? []), item]);
  }

  return (
    <section className="console-list" aria-label="Saved requests">
      {saved.error ? (
        <Banner tone="danger" title="Saved requests could not be read">
          <p>{saved.error.message}</p>
        </Banner>
      ) : null}
      {saved.loaded && saved.items.length === 0 ? (
        <EmptyState icon={Bookmark} title="No saved requests">
          <p>Use Save to keep a request under a name.</p>
        </EmptyState>
      ) : null}
      {[...groups.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([group, items]) => (
          <div key={group} className="console-list__group" role="group" aria-label={group}>
            <h3 className="console__subheading">{group}</h3>
            <ul className="console-list__items">
              {items.map((item) => (
                <ListEntry
                  key={item.id}
                  label={<span className="console-list__url">{item.name}</span>}
                  meta={`${item.request.method} ${item.request.url}`}
                  onOpen={() => loadRequest(item.request)}
                >
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={Pencil}
                    aria-label={`Rename ${item.name}`}
                    title="Rename"
                    onClick={() => setDialog({ kind: 'rename', item })}
                  />
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={Trash2}
                    aria-label={`Delete ${item.name}`}
                    title="Delete"
                    onClick={() => setDialog({ kind: 'delete', item })}
                  />
                </ListEntry>
              ))}
            </ul>
          </div>
        ))}
      {dialog?.kind === 'rename' ? (
        <NameDialog
          title={`Rename ${dialog.item.name}`}
          submitLabel="Rename"
          initial={dialog.item.name}
          onClose={() => setDialog(null)}
          onSubmit={async (name) => {
            const failure = await renameSaved(dialog.item.id, name);
            if (!failure) setDialog(null);
            return failure;
          }}
        />
      ) : null}
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          title={`Delete ${dialog.item.name}`}
          confirmLabel="Delete"
          busyLabel="Deleting…"
          tone="danger"
          failureTitle="The request could not be deleted"
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            const failure = await deleteSaved(dialog.item.id);
            if (!failure) setDialog(null);
            return failure;
          }}
        >
          <p>Delete the saved request {dialog.item.name}?</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
