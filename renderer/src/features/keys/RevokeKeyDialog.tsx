import type { IssuedKeySummary } from '../../../../shared/domain/issued-key';
import { isFailure } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { publicKeyPart } from '../../lib/key-display';
import { useApps } from '../../stores/apps-store';
import { useKeys } from '../../stores/keys-store';
import { keyRowElement } from './KeyRow';

/** atfinity's Revoke: immediate, confirmed, irreversible. */
export function RevokeKeyDialog({ target, onClose }: { target: IssuedKeySummary; onClose: () => void }) {
  const revoke = useKeys((s) => s.revoke);
  const refreshApps = useApps((s) => s.load);

  const confirm = async () => {
    const result = await revoke(target.id);
    if (isFailure(result)) return result;
    void refreshApps();
    onClose();
    return null;
  };

  return (
    <ConfirmDialog
      title="Revoke API key"
      tone="danger"
      confirmLabel="Revoke key"
      busyLabel="Revoking…"
      failureTitle="The API key was not revoked"
      onConfirm={confirm}
      onClose={onClose}
      // A revoked key leaves the table (issue 14): then focus goes to the toggle that shows it again.
      fallbackFocus={() => keyRowElement(target.id) ?? document.querySelector<HTMLElement>('.key-filters__ended input')}
    >
      <p>
        Revoking “{target.name}” (<code>{`${publicKeyPart(target)}…`}</code>) disables it immediately. This cannot be
        undone.
      </p>
    </ConfirmDialog>
  );
}
