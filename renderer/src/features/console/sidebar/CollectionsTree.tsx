import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, FolderPlus, Pencil, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { Folder, SavedRequest } from '../../../../../shared/console/collections';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { useConsole } from '../../../stores/console-store';
import { NameDialog } from '../NameDialog';
import { collectionTree, type FolderNode } from './collection-tree';

type TreeDialog =
  | { kind: 'new-folder'; parent: Folder | null }
  | { kind: 'rename-folder'; folder: Folder }
  | { kind: 'delete-folder'; folder: Folder; folders: number; requests: number }
  | { kind: 'rename-request'; saved: SavedRequest }
  | { kind: 'delete-request'; saved: SavedRequest };

interface RowActions {
  setDialog: (dialog: TreeDialog) => void;
  expanded: (id: string) => boolean;
  toggle: (id: string) => void;
  filtering: boolean;
}

function count(node: FolderNode): { folders: number; requests: number } {
  return node.folders
    .map(count)
    .reduce((sum, part) => ({ folders: sum.folders + part.folders, requests: sum.requests + part.requests }), {
      folders: 1,
      requests: node.requests.length,
    });
}

function RequestRow({
  saved,
  index,
  siblings,
  actions,
}: {
  saved: SavedRequest;
  index: number;
  siblings: number;
  actions: RowActions;
}) {
  const loadRequest = useConsole((s) => s.loadRequest);
  const openId = useConsole((s) => s.saved?.id ?? null);
  const moveSaved = useConsoleLibrary((s) => s.moveSaved);
  return (
    <li className="console-tree__row">
      <button
        type="button"
        className="console-tree__open"
        aria-current={openId === saved.id ? 'true' : undefined}
        title={`${saved.request.method} ${saved.request.url}`}
        onClick={() => loadRequest(saved.request, { id: saved.id, name: saved.name })}
      >
        <span className="console-method">{saved.request.method}</span>{' '}
        <span className="console-tree__name">{saved.name}</span>
      </button>
      <span className="console-tree__actions">
        <Button
          size="sm"
          variant="ghost"
          icon={ArrowUp}
          aria-label={`Move ${saved.name} up`}
          title="Move up"
          disabled={index === 0}
          onClick={() => void moveSaved(saved.id, saved.folderId, index - 1)}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={ArrowDown}
          aria-label={`Move ${saved.name} down`}
          title="Move down"
          disabled={index === siblings - 1}
          onClick={() => void moveSaved(saved.id, saved.folderId, index + 1)}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={Pencil}
          aria-label={`Rename ${saved.name}`}
          title="Rename"
          onClick={() => actions.setDialog({ kind: 'rename-request', saved })}
        />
        <Button
          size="sm"
          variant="ghost"
          icon={Trash2}
          aria-label={`Delete ${saved.name}`}
          title="Delete"
          onClick={() => actions.setDialog({ kind: 'delete-request', saved })}
        />
      </span>
    </li>
  );
}

function FolderRow({
  node,
  index,
  siblings,
  actions,
}: {
  node: FolderNode;
  index: number;
  siblings: number;
  actions: RowActions;
}) {
  const moveFolder = useConsoleLibrary((s) => s.moveFolder);
  const { folder } = node;
  const open = actions.filtering || actions.expanded(folder.id);
  const listId = `console-folder-${folder.id}`;
  return (
    <li className="console-tree__folder">
      <div className="console-tree__row">
        <button
          type="button"
          className="console-tree__toggle"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => actions.toggle(folder.id)}
        >
          {open ? <ChevronDown aria-hidden="true" size={16} /> : <ChevronRight aria-hidden="true" size={16} />}
          <span className="console-tree__name">{folder.name}</span>
        </button>
        <span className="console-tree__actions">
          <Button
            size="sm"
            variant="ghost"
            icon={FolderPlus}
            aria-label={`New folder in ${folder.name}`}
            title="New folder"
            onClick={() => actions.setDialog({ kind: 'new-folder', parent: folder })}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={ArrowUp}
            aria-label={`Move ${folder.name} up`}
            title="Move up"
            disabled={index === 0}
            onClick={() => void moveFolder(folder.id, folder.parentId, index - 1)}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={ArrowDown}
            aria-label={`Move ${folder.name} down`}
            title="Move down"
            disabled={index === siblings - 1}
            onClick={() => void moveFolder(folder.id, folder.parentId, index + 1)}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={Pencil}
            aria-label={`Rename ${folder.name}`}
            title="Rename"
            onClick={() => actions.setDialog({ kind: 'rename-folder', folder })}
          />
          <Button
            size="sm"
            variant="ghost"
            icon={Trash2}
            aria-label={`Delete ${folder.name}`}
            title="Delete"
            onClick={() => actions.setDialog({ kind: 'delete-folder', folder, ...count(node) })}
          />
        </span>
      </div>
      {open ? (
        <ul id={listId} className="console-tree__children" aria-label={folder.name}>
          {node.folders.map((child, at) => (
            <FolderRow key={child.folder.id} node={child} index={at} siblings={node.folders.length} actions={actions} />
          ))}
          {node.requests.map((saved, at) => (
            <RequestRow key={saved.id} saved={saved} index={at} siblings={node.requests.length} actions={actions} />
          ))}
          {node.folders.length === 0 && node.requests.length === 0 ? (
            <li className="muted console-tree__empty">Empty</li>
          ) : null}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * Collections in the sidebar (issue 13): folders that open and close, requests that open in the
 * editor (the open one is marked), and for each: rename, move up and down, delete. The filter shows
 * what matches with the folders leading to it, opened.
 */
export function CollectionsTree({ filter }: { filter: string }) {
  const collections = useConsoleLibrary((s) => s.collections);
  const lib = useConsoleLibrary();
  const [dialog, setDialog] = useState<TreeDialog | null>(null);
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const tree = collectionTree(collections.value, filter);
  const actions: RowActions = {
    setDialog,
    expanded: (id) => !closed.has(id),
    toggle: (id) =>
      setClosed((now) => (now.has(id) ? new Set([...now].filter((x) => x !== id)) : new Set([...now, id]))),
    filtering: filter.trim() !== '',
  };
  const done = (failure: Awaited<ReturnType<typeof lib.renameFolder>>) => {
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
        <Button
          size="sm"
          variant="ghost"
          icon={FolderPlus}
          onClick={() => setDialog({ kind: 'new-folder', parent: null })}
        >
          New
        </Button>
      </div>
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
