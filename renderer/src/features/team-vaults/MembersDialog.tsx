import { UserMinus } from 'lucide-react';
import { useEffect, useState } from 'react';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import type { TeamMemberView, TeamVaultStatus } from '../../../../shared/domain/team-link';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { SkeletonRows } from '../../components/Loading';
import { useTeams } from '../../stores/team-store';
import { AddMemberForm } from './AddMemberForm';
import { MemberLine } from './MemberLine';
import { RemovalResultDialog, RemoveMemberDialog } from './RemoveMemberDialogs';

type Removal = ResponseOf<'teams:removeMember'>;
type View = { kind: 'list' } | { kind: 'remove'; member: TeamMemberView } | { kind: 'removed'; result: Removal };

/**
 * Members: who can read this team vault (name, fingerprint to compare on a call, read-only, you),
 * your own member line, Add member, and Remove (a confirmation, then what the removed member saw).
 */
export function MembersDialog(props: {
  vault: VaultSummary;
  status: TeamVaultStatus | undefined;
  onClose: () => void;
}) {
  const { vault, status, onClose } = props;
  const identity = useTeams((s) => s.identity);
  const [view, setView] = useState<View>({ kind: 'list' });
  const [added, setAdded] = useState({ round: 0, text: '' });
  useEffect(() => {
    void useTeams.getState().loadIdentity();
  }, []);

  if (view.kind === 'remove') {
    return (
      <RemoveMemberDialog
        vault={vault}
        member={view.member}
        onClose={() => setView({ kind: 'list' })}
        onRemoved={(result) => setView({ kind: 'removed', result })}
      />
    );
  }
  if (view.kind === 'removed') return <RemovalResultDialog vault={vault} result={view.result} onClose={onClose} />;

  const writer = status !== undefined && !status.readOnly;
  return (
    <Dialog
      title={`Members of ${vault.name}`}
      size="lg"
      onClose={onClose}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {status === undefined ? (
        <SkeletonRows label="Loading members…" />
      ) : (
        <ul className="team-members" aria-label="Members">
          {status.members.map((member) => (
            <li key={member.fingerprint} className="team-members__item">
              <div className="team-members__who">
                <span className="team-members__name">{member.name}</span>
                {member.me ? <span className="team-badge team-badge--neutral">you</span> : null}
                {member.readOnly ? <span className="team-badge team-badge--neutral">read-only</span> : null}
                <span className="team-fingerprint muted">{member.fingerprint}</span>
              </div>
              {writer && !member.me ? (
                <Button
                  size="sm"
                  variant="ghost"
                  icon={UserMinus}
                  aria-label={`Remove ${member.name}`}
                  onClick={() => setView({ kind: 'remove', member })}
                >
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {status && status.former.length > 0 ? (
        <p className="muted">Removed earlier: {status.former.map((member) => member.name).join(', ')}.</p>
      ) : null}
      {identity ? <MemberLine identity={identity} /> : null}
      {writer ? (
        <AddMemberForm
          key={added.round}
          vaultId={vault.id}
          focusFirst={added.round > 0}
          onAdded={(text) => setAdded((last) => ({ round: last.round + 1, text }))}
        />
      ) : null}
      <p role="status" className="team-copy-notice">
        {added.text}
      </p>
    </Dialog>
  );
}
