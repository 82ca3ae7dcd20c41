import { CircleAlert, CloudCheck, RefreshCw, Users } from 'lucide-react';
import { useState } from 'react';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { client, isFailure } from '../../api/client';
import { Button } from '../../components/Button';
import { formatAbsolute } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useTeams } from '../../stores/team-store';
import { useVaults } from '../../stores/vaults-store';
import { MembersDialog } from './MembersDialog';
import { isTroubled, refusedText, syncResultLines, syncStateText, type TeamLinkView } from './team-words';
import { useTeamStatus } from './use-team-status';
import './team-vaults.css';

/**
 * A team vault's bar, under its header: where its repository is, how the last sync went (background
 * syncs included), Sync now with what it brought announced, and Members.
 */
export function TeamBar({ vault, team }: { vault: VaultSummary; team: TeamLinkView }) {
  const now = useNow(30_000, team.lastSync?.at);
  const status = useTeamStatus(vault);
  const [syncing, setSyncing] = useState(false);
  const [lines, setLines] = useState<string[]>([]);
  const [members, setMembers] = useState(false);
  const troubled = isTroubled(team);
  const StateIcon = troubled ? CircleAlert : CloudCheck;

  const sync = async () => {
    setSyncing(true);
    setLines([]);
    const result = await client.teams.sync({ vaultId: vault.id });
    const vaults = useVaults.getState();
    await Promise.all([vaults.load(), vaults.loadEntries(vault.id), useTeams.getState().loadStatus(vault.id)]);
    setSyncing(false);
    setLines(
      isFailure(result)
        ? [`Sync failed: ${result.message}`]
        : syncResultLines(result, useTeams.getState().statuses[vault.id]),
    );
  };

  return (
    <section className="team-bar" aria-label={`Team of ${vault.name}`}>
      <div className="team-bar__main">
        <p className="team-bar__repo">
          <span className="team-bar__label">Team repository</span>{' '}
          <code className="team-bar__url" title={team.url}>
            {team.url}
          </code>
          {team.readOnly ? <span className="team-badge team-badge--neutral">Read only</span> : null}
        </p>
        <p className={`team-bar__state${troubled ? ' team-bar__state--troubled' : ''}`}>
          <StateIcon size={16} aria-hidden="true" />
          <span title={team.lastSync ? formatAbsolute(team.lastSync.at) : undefined}>{syncStateText(team, now)}</span>
        </p>
        {refusedText(team) === null ? null : (
          <p className="team-bar__state team-bar__state--troubled">{refusedText(team)}</p>
        )}
        {team.readOnly ? (
          <p className="muted team-bar__note">You can read this vault; your changes are not sent to the team.</p>
        ) : null}
      </div>
      <div className="team-bar__actions">
        <Button size="sm" icon={RefreshCw} busy={syncing} onClick={() => void sync()}>
          {syncing ? 'Syncing…' : 'Sync'}
        </Button>
        <Button size="sm" icon={Users} onClick={() => setMembers(true)}>
          Members
        </Button>
      </div>
      <div role="status" className="team-bar__result">
        {lines.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {members ? <MembersDialog vault={vault} status={status} onClose={() => setMembers(false)} /> : null}
    </section>
  );
}
