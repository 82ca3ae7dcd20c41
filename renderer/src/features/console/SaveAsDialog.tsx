import { useState } from 'react';
import { isFailure, type ApiFailure } from '../../api/client';
import { useConsoleLibrary } from '../../stores/console-library-store';
import { useConsole } from '../../stores/console-store';
import { toRequest } from './draft';
import { NameDialog } from './NameDialog';
import { folderChoices } from './sidebar/collection-tree';

/** By service: the collection named after the entry's service (or the URL's host), made if needed. */
const BY_SERVICE = '';

/** Save as (issue 13): a name and a place, and a new saved request, which the tab then edits. */
export function SaveAsDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (message: string) => void }) {
  const collections = useConsoleLibrary((s) => s.collections.value);
  const openName = useConsole((s) => s.saved?.name ?? null);
  const openFolder = useConsole((s) => {
    const id = s.saved?.id;
    return id ? (collections.saved.find((saved) => saved.id === id)?.folderId ?? BY_SERVICE) : BY_SERVICE;
  });
  const [folderId, setFolderId] = useState(openFolder);
  const choices = folderChoices(collections);
  return (
    <NameDialog
      title={openName ? `Save ${openName} as` : 'Save request'}
      submitLabel="Save"
      initial={openName ? `${openName} (copy)` : ''}
      onClose={onClose}
      onSubmit={async (name): Promise<ApiFailure | null> => {
        const { draft, typedKey, saveAs } = useConsole.getState();
        const result = await saveAs(name, folderId || undefined, toRequest(draft, typedKey));
        if (isFailure(result)) return result;
        const place = folderChoices(useConsoleLibrary.getState().collections.value).find(
          (c) => c.id === result.folderId,
        );
        onSaved(`Saved as ${result.name} in ${place?.path ?? 'its collection'}.`);
        return null;
      }}
    >
      <div className="text-field">
        <label className="text-field__label" htmlFor="save-as-folder">
          Save in
        </label>
        <select
          id="save-as-folder"
          className="text-field__input text-field__select"
          value={folderId}
          onChange={(event) => setFolderId(event.target.value)}
        >
          <option value={BY_SERVICE}>The collection of its service (made if needed)</option>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.path}
            </option>
          ))}
        </select>
      </div>
    </NameDialog>
  );
}
