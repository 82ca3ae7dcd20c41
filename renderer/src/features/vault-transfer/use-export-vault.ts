import { useRef, useState, type FormEvent } from 'react';
import type { ExportResult, VaultSummary } from '../../../../shared/domain/vault';
import { MIN_EXPORT_SCORE, passphraseStrength } from '../../../../shared/security/passphrase-strength';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { downloadFile } from './download';

/** Why Export is disabled, or null when it may run. Checked here first; main checks strength again. */
export function exportBlocker(passphrase: string, confirmation: string): string | null {
  if (passphrase.length === 0) return 'Choose a passphrase to export.';
  if (passphraseStrength(passphrase).score < MIN_EXPORT_SCORE) return 'Export needs a passphrase rated Fair or better.';
  if (confirmation.length === 0) return 'Type the passphrase again under "Confirm passphrase".';
  if (confirmation !== passphrase) return 'The passphrases do not match.';
  return null;
}

/**
 * The export form's state: passphrase twice, then vaults.export (scrypt in main: a noticeable moment)
 * and a download of the encrypted text. The result is kept, without the passphrase, to save it again
 * if the save dialog was cancelled.
 */
export function useExportVault(vault: VaultSummary, entryIds: string[] | undefined) {
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [confirmationLeft, setConfirmationLeft] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const running = useRef(false);

  const blocker = exportBlocker(passphrase, confirmation);
  const mismatch = confirmation.length > 0 && confirmation !== passphrase;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (blocker || running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const exported = await client.vaults.export({ vaultId: vault.id, ...(entryIds ? { entryIds } : {}), passphrase });
    running.current = false;
    setBusy(false);
    if (isFailure(exported)) return setFailure(exported);
    // The passphrase has done its job; it should not stay in this window's memory.
    setPassphrase('');
    setConfirmation('');
    setResult(exported);
    downloadFile(exported.fileName, exported.contents);
  };

  return {
    passphrase,
    setPassphrase,
    confirmation,
    setConfirmation,
    /** The mismatch is shown once the user leaves the field, not while they are still typing. */
    confirmationError: mismatch && confirmationLeft ? 'The passphrases do not match.' : undefined,
    leaveConfirmation: () => setConfirmationLeft(true),
    blocker,
    busy,
    failure,
    result,
    submit,
    saveAgain: () => result && downloadFile(result.fileName, result.contents),
  };
}
