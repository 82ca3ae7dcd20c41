import { useLayoutEffect, useRef } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Spinner } from '../../components/Loading';
import { ImportChooseStep, ImportPreviewStep } from './ImportSteps';
import { summaryText } from './transfer-text';
import { useImportVault } from './use-import-vault';
import './vault-transfer.css';

/**
 * Team hand-off, receiving side: choose the file, the target vault and the passphrase → Open (main
 * decrypts and lists conflicts) → Skip / Replace / Keep both per conflict → Import → summary.
 */
export function ImportVaultDialog({
  vaults,
  initialVaultId,
  onClose,
  onImported,
  onChanged,
}: {
  vaults: VaultSummary[];
  initialVaultId: string;
  onClose: () => void;
  /** The dialog closed after an import (Done, Escape, ×): the vault the entries went into. */
  onImported: (vaultId: string) => void;
  /** The import succeeded, the summary is showing: what is behind the dialog can be brought up to date. */
  onChanged?: ((vaultId: string) => void) | undefined;
}) {
  const state = useImportVault(vaults, initialVaultId, onChanged);
  const { phase, busy, failure } = state;
  const failureBox = useRef<HTMLDivElement>(null);
  const summaryLine = useRef<HTMLParagraphElement>(null);
  // Once entries were imported, closing in any way reports it, so the caller shows the vault again.
  const finish = () => onImported(state.vaultId);

  // Focus moves to the outcome in the commit that shows it (layout effects), like the export's.
  useLayoutEffect(() => {
    if (failure) failureBox.current?.focus();
  }, [failure]);
  useLayoutEffect(() => {
    if (phase === 'done') summaryLine.current?.focus();
  }, [phase]);

  const footer =
    phase === 'done' ? (
      <Button variant="primary" onClick={finish}>
        Done
      </Button>
    ) : (
      <>
        {phase === 'preview' ? (
          <Button onClick={state.back} disabled={busy !== null} className="transfer__back">
            Back
          </Button>
        ) : null}
        <Button onClick={onClose} disabled={busy !== null}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" busy={busy !== null} disabled={vaults.length === 0}>
          {phase === 'choose' ? (busy ? 'Opening…' : 'Open') : busy ? 'Importing…' : 'Import'}
        </Button>
      </>
    );

  return (
    <Dialog
      title="Import vault"
      size="lg"
      onClose={busy ? undefined : phase === 'done' ? finish : onClose}
      onSubmit={phase === 'choose' ? state.open : phase === 'preview' ? state.importNow : undefined}
      footer={footer}
    >
      {vaults.length === 0 ? (
        <Banner tone="warning">
          <p>There is no vault to import into. Create one with New vault first.</p>
        </Banner>
      ) : null}
      {phase === 'choose' ? <ImportChooseStep state={state} vaults={vaults} /> : null}
      {phase === 'preview' ? <ImportPreviewStep state={state} /> : null}
      {phase === 'done' && state.summary ? (
        <>
          <p ref={summaryLine} tabIndex={-1} role="status" className="transfer__done">
            {summaryText(state.summary)}
          </p>
          <p>The entries are in the vault "{state.vault?.name}".</p>
        </>
      ) : null}
      {busy ? (
        <p role="status" className="transfer__progress">
          <Spinner size={16} />{' '}
          {busy === 'opening' ? 'Opening the file. Checking the passphrase takes a moment…' : 'Importing…'}
        </p>
      ) : null}
      {failure ? (
        <div ref={failureBox} tabIndex={-1} className="transfer__failure">
          <Banner tone="danger" title={phase === 'choose' ? 'The file was not opened' : 'Nothing was imported'}>
            <p>{failure.message}</p>
          </Banner>
        </div>
      ) : null}
    </Dialog>
  );
}
