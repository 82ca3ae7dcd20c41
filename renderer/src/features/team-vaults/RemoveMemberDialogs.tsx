import { RotateCw } from 'lucide-react';
import { useState } from 'react';
import { GRACE_PERIODS } from '../../../../shared/catalogs/expirations';
import type { TeamMemberView } from '../../../../shared/domain/team-link';
import type { VaultSummary } from '../../../../shared/domain/vault';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { useTeams } from '../../stores/team-store';
import { useVaults } from '../../stores/vaults-store';

type Removal = ResponseOf<'teams:removeMember'>;
type Rotation = ResponseOf<'teams:rotateExposed'>;

/** The grace period of the rotations after a removal: the old keys keep working this long. */
const GRACE = GRACE_PERIODS.find((grace) => grace.id === '24h') ?? GRACE_PERIODS[0];

async function reloadVault(vaultId: string): Promise<void> {
  const vaults = useVaults.getState();
  await Promise.all([vaults.load(), vaults.loadEntries(vaultId), useTeams.getState().loadStatus(vaultId)]);
}

/** Remove a member: a new vault key, every entry re-encrypted; what they could read is listed next. */
export function RemoveMemberDialog(props: {
  vault: VaultSummary;
  member: TeamMemberView;
  onClose: () => void;
  onRemoved: (result: Removal) => void;
}) {
  const { vault, member } = props;
  const remove = async (): Promise<ApiFailure | null> => {
    const result = await client.teams.removeMember({ vaultId: vault.id, member: member.fingerprint });
    if (isFailure(result)) return result;
    useTeams.getState().putStatus(result.status);
    await reloadVault(vault.id);
    props.onRemoved(result);
    return null;
  };
  return (
    <ConfirmDialog
      title={`Remove ${member.name} from ${vault.name}?`}
      confirmLabel="Remove"
      busyLabel="Removing…"
      tone="danger"
      failureTitle={`${member.name} was not removed`}
      onConfirm={remove}
      onClose={props.onClose}
    >
      <p>
        Keyhaven makes a new vault key and encrypts every entry again, so {member.name} cannot read anything written
        from now on. What {member.name} could already read stays readable to them: those keys are listed next, to
        rotate.
      </p>
    </ConfirmDialog>
  );
}

/** After a removal: the entries the removed member saw, and Rotate issued keys for Keyhaven's own. */
export function RemovalResultDialog(props: { vault: VaultSummary; result: Removal; onClose: () => void }) {
  const { vault, result, onClose } = props;
  const [busy, setBusy] = useState(false);
  const [rotation, setRotation] = useState<Rotation | ApiFailure | null>(null);
  const issued = result.exposed.filter((entry) => entry.issued);

  const rotate = async () => {
    setBusy(true);
    const outcome = await client.teams.rotateExposed({ vaultId: vault.id, grace: GRACE.id });
    await reloadVault(vault.id);
    setBusy(false);
    setRotation(outcome);
  };

  return (
    <Dialog
      title={`${result.removed} was removed`}
      size="lg"
      onClose={busy ? undefined : onClose}
      footer={
        <Button variant="primary" onClick={onClose} disabled={busy}>
          Done
        </Button>
      }
    >
      {result.exposed.length === 0 ? (
        <p>{result.removed} could not read any key of this vault. Nothing needs rotating.</p>
      ) : (
        <>
          <p>
            Seen by a removed member — rotate: {result.removed} could read these keys. Rotate each at its service and
            save the new key here (Edit); Keyhaven rotates the keys it issued itself.
          </p>
          <ul className="team-exposed" aria-label="Seen by a removed member — rotate">
            {result.exposed.map((entry) => (
              <li key={entry.id}>
                {entry.name}
                {entry.issued ? <span className="muted"> · issued by Keyhaven</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {issued.length > 0 && (rotation === null || isFailure(rotation)) ? (
        <div>
          <Button variant="primary" icon={RotateCw} busy={busy} onClick={() => void rotate()}>
            {busy ? 'Rotating…' : 'Rotate issued keys'}
          </Button>
          <p className="muted">The old keys keep working for {GRACE.label.toLowerCase()}, then stop.</p>
        </div>
      ) : null}
      <div role="status">{rotation && !isFailure(rotation) ? <RotationOutcome rotation={rotation} /> : null}</div>
      {rotation && isFailure(rotation) ? (
        <Banner tone="danger" title="The keys were not rotated">
          <p>{rotation.message}</p>
        </Banner>
      ) : null}
    </Dialog>
  );
}

function RotationOutcome({ rotation }: { rotation: Rotation }) {
  return (
    <>
      {rotation.rotated.length > 0 ? (
        <p>
          Rotated {rotation.rotated.map((entry) => entry.name).join(', ')}: the new keys are in the vault and go to the
          team at the next sync.
        </p>
      ) : null}
      {rotation.failed.map((entry) => (
        <p key={entry.entryId} className="team-bar__state--troubled">
          {entry.name} was not rotated: {entry.message}
        </p>
      ))}
    </>
  );
}
