import { useRef, useState, type FormEvent } from 'react';
import {
  EXPORT_FILE_MAX,
  type ConflictChoice,
  type ImportPreview,
  type ImportSummary,
  type VaultSummary,
} from '../../../../shared/domain/vault';
import { client, isFailure, type ApiFailure } from '../../api/client';

export type ImportPhase = 'choose' | 'preview' | 'done';

const MAX_MB = Math.round(EXPORT_FILE_MAX / (1024 * 1024));

/** Refuses a file that cannot be an export before reading it (main would refuse it too, after the copy). */
export function fileProblem(file: File | null): string | undefined {
  if (!file) return 'Choose the export file (.khvault).';
  if (file.size > EXPORT_FILE_MAX) {
    return `"${file.name}" is too large to be a Keyhaven vault export (at most ${MAX_MB} MB).`;
  }
  return undefined;
}

/**
 * Import, receiving side: file, target vault and passphrase → Open (previewImport: main decrypts and
 * lists what clashes) → a choice per conflict → Import → the summary. Every failure keeps what the
 * user entered, so a mistyped passphrase is just typed again; main changes nothing until Import.
 * `onImported` hears of a successful import at once, while the summary is still on screen.
 */
export function useImportVault(vaults: VaultSummary[], initialVaultId: string, onImported?: (vaultId: string) => void) {
  const [vaultId, setVaultId] = useState(() =>
    vaults.some((v) => v.id === initialVaultId) ? initialVaultId : (vaults[0]?.id ?? ''),
  );
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [passphrase, setPassphrase] = useState('');
  const [passphraseError, setPassphraseError] = useState<string | undefined>(undefined);
  const [phase, setPhase] = useState<ImportPhase>('choose');
  const [busy, setBusy] = useState<'opening' | 'importing' | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [preview, setPreview] = useState<{ contents: string; found: ImportPreview } | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const running = useRef(false);

  /** One call at a time; `busy` drives the progress text and disables the buttons. */
  const run = async (kind: 'opening' | 'importing', work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(kind);
    setFailure(null);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(null);
    }
  };

  const chooseFile = (next: File | null) => {
    setFile(next);
    setFileError(next ? fileProblem(next) : undefined);
  };

  const open = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = fileProblem(file);
    setFileError(problem);
    setPassphraseError(passphrase ? undefined : 'Enter the passphrase the file was exported with.');
    if (problem || !file || !passphrase) return;
    void run('opening', async () => {
      let contents: string;
      try {
        contents = await file.text();
      } catch {
        return setFileError(`"${file.name}" could not be read. Choose the file again.`);
      }
      const found = await client.vaults.previewImport({ vaultId, contents, passphrase });
      if (isFailure(found)) return setFailure(found);
      setPreview({ contents, found });
      setChoices(Object.fromEntries(found.conflicts.map((c) => [c.importedId, 'skip' as const])));
      setPhase('preview');
    });
  };

  const importNow = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!preview) return;
    void run('importing', async () => {
      const result = await client.vaults.import({ vaultId, contents: preview.contents, passphrase, choices });
      if (isFailure(result)) return setFailure(result);
      setSummary(result);
      setPassphrase(''); // done with it: it should not stay in this window's memory
      setPreview(null);
      setPhase('done');
      onImported?.(vaultId);
    });
  };

  const back = () => {
    setFailure(null);
    setPreview(null);
    setPhase('choose');
  };

  return {
    vaultId,
    setVaultId,
    vault: vaults.find((v) => v.id === vaultId) ?? null,
    file,
    chooseFile,
    fileError,
    passphrase,
    setPassphrase: (value: string) => {
      setPassphrase(value);
      if (value) setPassphraseError(undefined);
    },
    passphraseError,
    phase,
    busy,
    failure,
    preview: preview?.found ?? null,
    choices,
    choose: (importedId: string, choice: ConflictChoice) => setChoices((now) => ({ ...now, [importedId]: choice })),
    chooseAll: (choice: ConflictChoice) =>
      setChoices((now) => Object.fromEntries(Object.keys(now).map((id) => [id, choice]))),
    summary,
    open,
    importNow,
    back,
  };
}

export type ImportVaultState = ReturnType<typeof useImportVault>;
