import { FolderOpen } from 'lucide-react';
import { useLayoutEffect, useRef } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { FieldMessages, useFieldIds } from '../../components/field-parts';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatAbsolute } from '../../lib/time';
import { ConflictChoices } from './ConflictChoices';
import { entriesText } from './transfer-text';
import type { ImportVaultState } from './use-import-vault';

/**
 * A labelled native file input, visually hidden: it keeps the keyboard (Tab, then Space or Enter
 * opens the picker), the screen-reader name "Export file" and `setInputFiles`. What shows is a
 * label styled as a button, which opens the same picker on click and shows the input's focus ring,
 * and the chosen file's name, which is announced when it changes and describes the input.
 */
function FileField({ state }: { state: ImportVaultState }) {
  const hint = 'A .khvault file exported from Keyhaven.';
  const ids = useFieldIds({ hint, error: state.fileError });
  const labelId = `${ids.id}-label`;
  const chosenId = `${ids.id}-chosen`;
  const file = state.file;
  const describedBy = [file ? chosenId : null, ids.describedBy].filter(Boolean).join(' ') || undefined;
  return (
    <div className={ids.className}>
      <label id={labelId} htmlFor={ids.id} className="text-field__label">
        Export file
      </label>
      <div className="file-picker">
        <input
          id={ids.id}
          type="file"
          accept=".khvault"
          className="file-picker__input visually-hidden"
          aria-labelledby={labelId}
          aria-invalid={state.fileError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => state.chooseFile(event.target.files?.[0] ?? null)}
        />
        {/* The input above is what keyboards and screen readers use; this is its face for the mouse. */}
        <label htmlFor={ids.id} className="button button--secondary file-picker__button" aria-hidden="true">
          <FolderOpen size={16} aria-hidden="true" className="button__icon" />
          {file ? 'Choose another file' : 'Choose file'}
        </label>
        <span id={chosenId} className={file ? 'file-picker__name' : 'file-picker__name muted'} aria-live="polite">
          {file ? file.name : 'No file chosen'}
        </span>
      </div>
      <FieldMessages ids={ids} hint={hint} error={state.fileError} />
    </div>
  );
}

/** Step 1: which file, into which vault, with which passphrase. */
export function ImportChooseStep({ state, vaults }: { state: ImportVaultState; vaults: VaultSummary[] }) {
  return (
    <>
      <FileField state={state} />
      <SelectField
        label="Import into"
        value={state.vaultId}
        options={vaults.map((v) => ({ value: v.id, label: v.name }))}
        onChange={state.setVaultId}
      />
      <TextField
        label="Passphrase"
        name="passphrase"
        type="password"
        value={state.passphrase}
        onChange={(event) => state.setPassphrase(event.target.value)}
        error={state.passphraseError}
        hint="The passphrase chosen when the file was exported."
      />
    </>
  );
}

/** Step 2: what the file holds, and a choice for each entry that is already in the target vault. */
export function ImportPreviewStep({ state }: { state: ImportVaultState }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Arriving here after Open: start reading at what was found.
  useLayoutEffect(() => heading.current?.focus(), []);
  const { preview, vault } = state;
  if (!preview || !vault) return null;
  const fresh = preview.entryCount - preview.conflicts.length;
  return (
    <>
      <h3 ref={heading} tabIndex={-1} className="transfer__heading">
        The file opened
      </h3>
      <dl className="transfer__facts">
        <dt>From the vault</dt>
        <dd>{preview.vaultName}</dd>
        <dt>Exported</dt>
        <dd>{formatAbsolute(preview.exportedAt)}</dd>
        <dt>Entries</dt>
        <dd>{entriesText(preview.entryCount)}</dd>
        <dt>Into the vault</dt>
        <dd>{vault.name}</dd>
      </dl>
      <p>
        {preview.conflicts.length === 0
          ? `All ${entriesText(preview.entryCount)} will be added.`
          : `${entriesText(fresh)} will be added; ${entriesText(preview.conflicts.length)} ${
              preview.conflicts.length === 1 ? 'is' : 'are'
            } already in the vault: choose what to do with each.`}
      </p>
      {preview.conflicts.length > 0 ? (
        <ConflictChoices
          conflicts={preview.conflicts}
          vaultName={vault.name}
          choices={state.choices}
          onChoose={state.choose}
          onChooseAll={state.chooseAll}
        />
      ) : null}
    </>
  );
}
