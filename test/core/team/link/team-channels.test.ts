// The teams:* channels through window.keyhaven over real cores and real git: answers checked against
// the contract, bad input refused before the core runs, a deleted team vault's working copy removed.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../../../electron/core/api/handlers';
import { hostOf } from '../../../../electron/core/core-host';
import { workingCopyOf } from '../../../../electron/core/team/link/team-paths';
import type { Channel } from '../../../../shared/ipc/channels';
import { contract, type ResponseOf } from '../../../../shared/ipc/contract';
import type { Result } from '../../../../shared/ipc/errors';
import { createInProcessApi } from '../../../support/in-process-api';
import { useTeam, vaultWith } from './team-link-fixture';

function ok<C extends Channel>(channel: C, result: Result<unknown>): ResponseOf<C> {
  if (!result.ok) throw new Error(`${channel} answered ${result.error.code}: ${result.error.message}`);
  return contract[channel].response.parse(result.value) as ResponseOf<C>;
}

describe('teams:* channels', { timeout: 60_000 }, () => {
  const team = useTeam();

  it('share, status, sync, members and delete through the page’s API', async () => {
    const alice = await team.member('Alice');
    const bob = await team.member('Bob');
    const api = createInProcessApi(createHandlers(hostOf(alice.core)));
    const vaultId = await vaultWith(alice.core, 'Payments', { Stripe: 'sk_channel_canary' });

    const identity = ok('teams:identity', await api.teams.identity({}));
    expect(identity).toMatchObject({ name: 'Alice', line: expect.stringMatching(/^keyhaven-member:v1 age1/) });
    const shared = ok('teams:share', await api.teams.share({ vaultId, url: team.remote() }));
    expect(shared.members).toHaveLength(1);
    const listed = ok('vaults:list', await api.vaults.list()).find((vault) => vault.id === vaultId);
    expect(listed?.team).toMatchObject({ url: team.remote(), readOnly: false, lastSync: { state: 'synced' } });

    const added = ok('teams:addMember', await api.teams.addMember({ vaultId, line: bob.line, readOnly: true }));
    expect(added.members.find((member) => member.name === 'Bob')?.readOnly).toBe(true);
    const synced = ok('teams:sync', await api.teams.sync({ vaultId }));
    expect(synced.state).toBe('synced');
    expect(JSON.stringify(synced)).not.toContain('sk_channel_canary');

    const bad = await api.teams.share({ vaultId, url: '--upload-pack=evil' });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const badLine = await api.teams.addMember({ vaultId, line: 'not a member line', readOnly: false });
    expect(badLine.ok ? null : badLine.error).toMatchObject({ code: 'INVALID_INPUT', field: 'line' });

    const removal = ok('teams:removeMember', await api.teams.removeMember({ vaultId, member: 'Bob' }));
    expect(removal.exposed.map((entry) => entry.name)).toEqual(['Stripe']);

    expect(existsSync(workingCopyOf(alice.dataDir, vaultId))).toBe(true);
    ok('vaults:delete', await api.vaults.delete({ vaultId }));
    expect(existsSync(workingCopyOf(alice.dataDir, vaultId))).toBe(false);
  });
});
