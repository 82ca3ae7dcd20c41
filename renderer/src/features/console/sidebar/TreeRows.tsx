import { ArrowDown, ArrowUp, ChevronDown, ChevronRight, Download, FolderPlus, Pencil, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Folder, SavedRequest } from '../../../../../shared/console/collections';
import { Button } from '../../../components/Button';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { useConsole } from '../../../stores/console-store';
import type { FolderNode } from './collection-tree';

/** The rows of the collections tree (CollectionsTree.tsx): a folder with what is in it, a request. */
export type TreeDialog =
  | { kind: 'new-folder'; parent: Folder | null }
  | { kind: 'rename-folder'; folder: Folder }
  | { kind: 'delete-folder'; folder: Folder; folders: number; requests: number }
  | { kind: 'rename-request'; saved: SavedRequest }
  | { kind: 'delete-request'; saved: SavedRequest };

export interface RowActions {
  setDialog: (dialog: TreeDialog) => void;
  expanded: (id: string) => boolean;
  toggle: (id: string) => void;
  exportFolder: (folder: Folder) => void;
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

/** A row's own buttons, shown on hover or focus: `children` first, then move up and down, rename, delete. */
function RowButtons(props: {
  name: string;
  index: number;
  siblings: number;
  move: (to: number) => void;
  rename: () => void;
  remove: () => void;
  children?: ReactNode;
}) {
  const { name, index, siblings } = props;
  return (
    <span className="console-tree__actions">
      {props.children}
      <Button
        size="sm"
        variant="ghost"
        icon={ArrowUp}
        aria-label={`Move ${name} up`}
        title="Move up"
        disabled={index === 0}
        onClick={() => props.move(index - 1)}
      />
      <Button
        size="sm"
        variant="ghost"
        icon={ArrowDown}
        aria-label={`Move ${name} down`}
        title="Move down"
        disabled={index === siblings - 1}
        onClick={() => props.move(index + 1)}
      />
      <Button
        size="sm"
        variant="ghost"
        icon={Pencil}
        aria-label={`Rename ${name}`}
        title="Rename"
        onClick={props.rename}
      />
      <Button
        size="sm"
        variant="ghost"
        icon={Trash2}
        aria-label={`Delete ${name}`}
        title="Delete"
        onClick={props.remove}
      />
    </span>
  );
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
      <RowButtons
        name={saved.name}
        index={index}
        siblings={siblings}
        move={(to) => void moveSaved(saved.id, saved.folderId, to)}
        rename={() => actions.setDialog({ kind: 'rename-request', saved })}
        remove={() => actions.setDialog({ kind: 'delete-request', saved })}
      />
    </li>
  );
}

export function FolderRow({
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
        <RowButtons
          name={folder.name}
          index={index}
          siblings={siblings}
          move={(to) => void moveFolder(folder.id, folder.parentId, to)}
          rename={() => actions.setDialog({ kind: 'rename-folder', folder })}
          remove={() => actions.setDialog({ kind: 'delete-folder', folder, ...count(node) })}
        >
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
            icon={Download}
            aria-label={`Export ${folder.name} for Postman`}
            title="Export for Postman (no keys)"
            onClick={() => actions.exportFolder(folder)}
          />
        </RowButtons>
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
