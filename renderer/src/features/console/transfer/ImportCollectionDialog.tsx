import { FileJson, FolderOpen } from 'lucide-react';
import { useState } from 'react';
import { IMPORT_FORMAT_LABELS, type ImportPreview, type ImportSource } from '../../../../../shared/console/transfer';
import { client, isFailure } from '../../../api/client';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Dialog } from '../../../components/Dialog';
import { Spinner } from '../../../components/Loading';
import { useConsoleLibrary } from '../../../stores/console-library-store';
import { useConsoleEntries } from '../use-console-entries';
import { fileSource, folderSource } from './read-picked';

const AS_VARIABLES = '';

type Step =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'reading' }
  | { kind: 'preview'; source: ImportSource; preview: ImportPreview; problem: string | null; busy: boolean };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Import a collection (issue 13): a Postman collection, an Insomnia export or an OpenAPI document (a
 * file), or a Bruno collection (a folder). Main reads it and says what it holds before anything is
 * written; the requests that send a key get a vault entry or a `{{variable}}` to fill in.
 */
export function ImportCollectionDialog({
  onClose,
  onImported,
}: {
  onClose: () => void;
  onImported: (message: string, notes: string[]) => void;
}) {
  const [step, setStep] = useState<Step>({ kind: 'choose', problem: null });
  const [entryId, setEntryId] = useState(AS_VARIABLES);
  const entries = useConsoleEntries();

  const read = async (source: Promise<ImportSource>) => {
    setStep({ kind: 'reading' });
    const picked = await source;
    const preview = await client.console.previewImport({ source: picked });
    if (isFailure(preview)) setStep({ kind: 'choose', problem: preview.message });
    else setStep({ kind: 'preview', source: picked, preview, problem: null, busy: false });
  };
  const confirm = async () => {
    if (step.kind !== 'preview') return;
    setStep({ ...step, busy: true });
    const result = await client.console.importCollection({ source: step.source, entryId: entryId || null });
    if (isFailure(result)) return setStep({ ...step, busy: false, problem: result.message });
    const library = useConsoleLibrary.getState();
    await Promise.all([library.loadCollections(), library.loadEnvironments()]);
    library.expandTo(result.collectionId);
    const environments =
      result.environments.length > 0 ? ` and ${plural(result.environments.length, 'environment')}` : '';
    onImported(`Imported ${result.name}: ${plural(result.requests, 'request')}${environments}.`, result.notes);
  };

  return (
    <Dialog
      title="Import a collection"
      size="lg"
      onClose={step.kind === 'preview' && step.busy ? undefined : onClose}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          {step.kind === 'preview' ? (
            <Button variant="primary" busy={step.busy} onClick={() => void confirm()}>
              Import {plural(step.preview.requests, 'request')}
            </Button>
          ) : null}
        </>
      }
    >
      {step.kind === 'choose' || step.kind === 'reading' ? (
        <div className="console-import__choices">
          <p>
            From Postman (v2.1), Insomnia or an OpenAPI 3 file, or a Bruno collection folder. Keys in them are not
            imported.
          </p>
          <div className="console-import__pickers">
            <label className="button button--secondary">
              <FileJson size={16} aria-hidden="true" className="button__icon" />
              Choose a file
              <input
                type="file"
                className="visually-hidden"
                accept=".json,.yaml,.yml"
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  if (file) void read(fileSource(file));
                }}
              />
            </label>
            <label className="button button--secondary">
              <FolderOpen size={16} aria-hidden="true" className="button__icon" />
              Choose a Bruno folder
              <input
                type="file"
                className="visually-hidden"
                // @ts-expect-error -- webkitdirectory is not in React's input attributes, but every Chromium reads it.
                webkitdirectory=""
                multiple
                onChange={(event) => {
                  if (event.target.files && event.target.files.length > 0) void read(folderSource(event.target.files));
                }}
              />
            </label>
          </div>
          {step.kind === 'reading' ? (
            <p role="status">
              <Spinner /> Reading…
            </p>
          ) : null}
          {step.kind === 'choose' && step.problem ? (
            <Banner tone="danger" title="This could not be imported">
              <p>{step.problem}</p>
            </Banner>
          ) : null}
        </div>
      ) : null}
      {step.kind === 'preview' ? (
        <div className="console-import__preview">
          <p role="status">
            <strong>{step.preview.name}</strong>, a {IMPORT_FORMAT_LABELS[step.preview.format]}:{' '}
            {plural(step.preview.requests, 'request')} in {plural(step.preview.folders, 'folder')}
            {step.preview.environments.length > 0 ? `, environments ${step.preview.environments.join(', ')}` : ''}.
          </p>
          {step.preview.securitySchemes.map((scheme) => (
            <p key={scheme.id} className="muted">
              {scheme.description}
            </p>
          ))}
          {step.preview.requestsWithAuth > 0 ? (
            <div className="text-field">
              <label className="text-field__label" htmlFor="import-entry">
                {plural(step.preview.requestsWithAuth, 'request sends', 'requests send')} a key. Send it with
              </label>
              <select
                id="import-entry"
                className="text-field__input text-field__select"
                value={entryId}
                onChange={(event) => setEntryId(event.target.value)}
              >
                <option value={AS_VARIABLES}>A variable to set in an environment ({'{{apiKey}}'} …)</option>
                {entries.map(({ entry, vault }) => (
                  <option key={entry.id} value={entry.id}>
                    The vault key {vault.name} · {entry.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {step.preview.notes.length > 0 ? (
            <Banner tone="info" role="note" title="Left out or changed">
              <ul>
                {step.preview.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            </Banner>
          ) : null}
          {step.problem ? (
            <Banner tone="danger" title="Nothing was imported">
              <p>{step.problem}</p>
            </Banner>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
