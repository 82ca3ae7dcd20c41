import type { DataProblem, RecoveryAction } from '../../../../shared/domain/data-recovery';
import type { ApiFailure } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { describeBackup, fileNameOf, PART_WORDS } from './recovery-words';

interface RecoveryDialogProps {
  problem: DataProblem;
  action: Exclude<RecoveryAction, 'retry'>;
  onConfirm: () => Promise<ApiFailure | null>;
  onClose: () => void;
}

/** Asks before a recovery: what replaces the file, what is lost, and where the damaged file will be. */
export function RecoveryDialog({ problem, action, onConfirm, onClose }: RecoveryDialogProps) {
  const words = PART_WORDS[problem.part];
  const name = fileNameOf(problem.file);
  const dataFile = name.endsWith('.journal') ? name.slice(0, -'.journal'.length) : name;
  const keptNote = (
    <p>
      The damaged file is not deleted: Keyhaven moves it next to the original as <code>{`${name}.damaged-<date>`}</code>
      , where you can still inspect it.
    </p>
  );
  if (action === 'restoreBackup') {
    const backup = problem.backup;
    return (
      <ConfirmDialog
        title={`Restore ${dataFile} from its backup?`}
        confirmLabel="Restore backup"
        busyLabel="Restoring…"
        failureTitle="The backup was not restored"
        onConfirm={onConfirm}
        onClose={onClose}
      >
        <p>
          Keyhaven replaces {dataFile} with its backup{backup ? `: ${describeBackup(backup)}` : ''}. Changes made after
          that are lost.
        </p>
        {backup ? (
          <p className="recovery__path">
            <code>{backup.file}</code>
          </p>
        ) : null}
        {keptNote}
      </ConfirmDialog>
    );
  }
  return (
    <ConfirmDialog
      title={`${words.startEmpty}?`}
      tone="danger"
      confirmLabel={words.startEmpty}
      busyLabel={words.startEmptyBusy}
      failureTitle="Nothing was changed"
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <p>
        {problem.part === 'vaults'
          ? 'Keyhaven opens a new, empty vault. The keys in the damaged file stay in it, and their data keys stay in the system keychain, but Keyhaven cannot show them.'
          : 'The console starts with no history and no saved requests. Nothing else changes.'}
      </p>
      {keptNote}
    </ConfirmDialog>
  );
}
