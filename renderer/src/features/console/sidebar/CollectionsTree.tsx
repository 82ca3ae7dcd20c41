import { FileInput, FolderPlus } from 'lucide-react';
import { useMemo, useState } from 'react';
import { client, isFailure, type ApiFailure } from '../../../api/client';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { downloadFile } from '../../vault-transfer/download';
import { NameDialog } from '../NameDialog';
import { ImportCollectionDialog } from '../transfer/ImportCollectionDialog';
import { collectionTree } from './collection-tree';
import { FolderRow, type RowActions, type TreeDialog } from './TreeRows';

/**
 * Collections in the sidebar (issue 13): folders that open and close, requests that open in the
 * editor (the open one is marked), and for each: rename, move up and down, delete. The filter shows
 * what matches with the folders leading to it, opened.
 */
export function CollectionsTree({ filter }: { filter: string }) {
  const collections = useConsoleLibrary((s) => s.collections);
  // Actions only: reading the whole store here would redraw the tree whenever history loads.
  const lib = useConsoleLibrary.getState();
  const [dialog, setDialog] = useState<TreeDialog | { kind: 'import' } | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const expanded = useConsoleLibrary((s) => s.expanded);
  const toggleFolder = useConsoleLibrary((s) => s.toggleFolder);
  const tree = useMemo(() => collectionTree(collections.value, filter), [collections.value, filter]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'problem'; text: string } | null>(null);
  const exportFolder = async (folder: { id: string; name: string }) => {
    const result = await client.console.exportCollection({ folderId: folder.id });
    if (isFailure(result)) return setMessage({ tone: 'problem', text: result.message });
    downloadFile(result.fileName, result.text);
    setMessage({ tone: 'ok', text: `Exported ${folder.name} as ${result.fileName}, without keys.` });
  };
  const actions: RowActions = {
    setDialog,
    exportFolder: (folder) => void exportFolder(folder),
    expanded: (id) => expanded.has(id),
    toggle: toggleFolder,
    filtering: filter.trim() !== '',
  };
  const done = (failure: ApiFailure | null) => {
    if (!failure) setDialog(null);
    return failure;
  };
  return (
    <section
      className="console-sidebar__section console-sidebar__collections"
      aria-labelledby="console-collections-heading"
    >
      <div className="console-sidebar__heading">
        <h2 id="console-collections-heading">Collections</h2>
        <span className="console-sidebar__buttons">
          <Button
            size="sm"
            variant="ghost"
            icon={FileInput}
            aria-label="Import a collection"
            title="Import a collection (Postman, Insomnia, Bruno, OpenAPI)"
            onClick={() => setDialog({ kind: 'import' })}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={FolderPlus}
            aria-label="New collection"
            title="New collection"
            onClick={() => setDialog({ kind: 'new-folder', parent: null })}
          />
        </span>
      </div>
      {message ? (
        <p
          role={message.tone === 'ok' ? 'status' : 'alert'}
          className={message.tone === 'ok' ? 'muted console-sidebar__empty' : 'console-sidebar__problem'}
        >
          {message.text}
        </p>
      ) : null}
      {notes.length > 0 ? (
        <Banner tone="info" role="note" title="Imported with changes">
          <ul>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </Banner>
      ) : null}
      {collections.loaded && collections.value.folders.length === 0 ? (
        <p className="muted console-sidebar__empty">Save a request (Ctrl+S) or import a collection to see it here.</p>
      ) : null}
      {collections.value.folders.length > 0 && tree.length === 0 ? (
        <p className="muted console-sidebar__empty">No saved request matches.</p>
      ) : null}
      <ul className="console-tree" aria-label="Collections">
        {tree.map((node, at) => (
          <FolderRow key={node.folder.id} node={node} index={at} siblings={tree.length} actions={actions} />
        ))}
      </ul>
      {dialog?.kind === 'import' ? (
        <ImportCollectionDialog
          onClose={() => setDialog(null)}
          onImported={(text, importNotes) => {
            setDialog(null);
            setMessage({ tone: 'ok', text });
            setNotes(importNotes);
          }}
        />
      ) : null}
      {dialog?.kind === 'new-folder' ? (
        <NameDialog
          title={dialog.parent ? `New folder in ${dialog.parent.name}` : 'New collection'}
          submitLabel="Create"
          onClose={() => setDialog(null)}
          onSubmit={async (name) => done(await lib.createFolder(name, dialog.parent?.id ?? null))}
        />
      ) : null}
      {dialog?.kind === 'rename-folder' || dialog?.kind === 'rename-request' ? (
        <NameDialog
          title={`Rename ${dialog.kind === 'rename-folder' ? dialog.folder.name : dialog.saved.name}`}
          submitLabel="Rename"
          initial={dialog.kind === 'rename-folder' ? dialog.folder.name : dialog.saved.name}
          onClose={() => setDialog(null)}
          onSubmit={async (name) =>
            done(
              dialog.kind === 'rename-folder'
                ? await lib.renameFolder(dialog.folder.id, name)
                : await lib.renameSaved(dialog.saved.id, name),
            )
          }
        />
      ) : null}
      {dialog?.kind === 'delete-folder' || dialog?.kind === 'delete-request' ? (
        <ConfirmDialog
          title={`Delete ${dialog.kind === 'delete-folder' ? dialog.folder.name : dialog.saved.name}`}
          confirmLabel="Delete"
          busyLabel="Deleting…"
          tone="danger"
          failureTitle="It could not be deleted"
          onClose={() => setDialog(null)}
          onConfirm={async () =>
            done(
              dialog.kind === 'delete-folder'
                ? await lib.deleteFolder(dialog.folder.id)
                : await lib.deleteSaved(dialog.saved.id),
            )
          }
        >
          {dialog.kind === 'delete-folder' ? (
            <p>
              Delete {dialog.folder.name} with {dialog.folders - 1} folder{dialog.folders === 2 ? '' : 's'} and{' '}
              {dialog.requests} saved request
              {dialog.requests === 1 ? '' : 's'} in it?
            </p>
          ) : (
            <p>Delete the saved request {dialog.saved.name}?</p>
          )}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
