import { Download } from 'lucide-react';
import { useId, useLayoutEffect, useRef } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import type { ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Loading';
import { TextField } from '../../components/TextField';
import { PassphraseMeter } from './PassphraseMeter';
import { entriesText, exportScopeText, PASSPHRASE_WARNING } from './transfer-text';
import { useExportVault } from './use-export-vault';
import './vault-transfer.css';

/** Main's refusal, in words that say what to do; LOCKED has nothing to fix in this form. */
function failureText(failure: ApiFailure): string {
  return failure.code === 'LOCKED' ? 'Unlock the vault first, then export again.' : failure.message;
}

/**
 * Team hand-off, sending side: the vault (or the chosen entries) to a file encrypted with a passphrase
 * the user picks here. The file is saved as a download; the passphrase travels separately.
 */
export function ExportVaultDialog({
  vault,
  entryIds,
  onClose,
}: {
  vault: VaultSummary;
  entryIds?: string[];
  onClose: () => void;
}) {
  const form = useExportVault(vault, entryIds);
  const reasonId = useId();
  const failureBox = useRef<HTMLDivElement>(null);
  const doneText = useRef<HTMLParagraphElement>(null);
  const scope = exportScopeText(vault.name, vault.entryCount, entryIds);

  // The Export button was disabled while busy, so focus fell to the page: move it to the outcome, in
  // the same commit that shows it (a layout effect), so nothing reads the outcome before focus is there.
  useLayoutEffect(() => {
    if (form.failure) failureBox.current?.focus();
  }, [form.failure]);
  useLayoutEffect(() => {
    if (form.result) doneText.current?.focus();
  }, [form.result]);

  if (form.result) {
    const { fileName, entryCount } = form.result;
    return (
      <Dialog
        title="Export vault"
        onClose={onClose}
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <p ref={doneText} tabIndex={-1} role="status" className="transfer__done">
          Exported {entriesText(entryCount)} to {`"${fileName}"`}.
        </p>
        <p>Choose where to save the file if Keyhaven asks. {PASSPHRASE_WARNING}</p>
        <div>
          <Button icon={Download} onClick={form.saveAgain}>
            Save the file again
          </Button>
        </div>
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Export vault"
      onClose={form.busy ? undefined : onClose}
      onSubmit={(event) => void form.submit(event)}
      footer={
        <>
          {form.blocker ? (
            <p id={reasonId} className="transfer__reason">
              {form.blocker}
            </p>
          ) : null}
          <Button onClick={onClose} disabled={form.busy}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant="primary"
            busy={form.busy}
            disabled={form.blocker !== null}
            aria-describedby={form.blocker ? reasonId : undefined}
          >
            {form.busy ? 'Exporting…' : 'Export'}
          </Button>
        </>
      }
    >
      <p>Exports {scope} to a file encrypted with a passphrase.</p>
      <Banner tone="warning" role="note">
        <p>{PASSPHRASE_WARNING}</p>
      </Banner>
      <TextField
        label="Passphrase"
        name="passphrase"
        type="password"
        value={form.passphrase}
        onChange={(event) => form.setPassphrase(event.target.value)}
        hint={<PassphraseMeter passphrase={form.passphrase} />}
      />
      <TextField
        label="Confirm passphrase"
        name="confirmation"
        type="password"
        value={form.confirmation}
        onChange={(event) => form.setConfirmation(event.target.value)}
        onBlur={form.leaveConfirmation}
        error={form.confirmationError}
      />
      {form.busy ? (
        <p role="status" className="transfer__progress">
          <Spinner size={16} /> Encrypting the export. This takes a moment…
        </p>
      ) : null}
      {form.failure ? (
        <div ref={failureBox} tabIndex={-1} className="transfer__failure">
          <Banner tone="danger" title="The vault was not exported">
            <p>{failureText(form.failure)}</p>
          </Banner>
        </div>
      ) : null}
    </Dialog>
  );
}
