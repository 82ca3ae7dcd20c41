import type { Command } from 'commander';
import { judgeError } from '../../core/api/error-judge';
import type { Core } from '../../core/core';
import { EXIT } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { memberNames, syncText, type NamedSync } from './team-output';

/**
 * `keyhaven team sync [<vault>]`: one vault, or every team vault of the data folder, one line each.
 * The exit code says whether all of them synced, so a cron job or CI step can tell: 0 when every
 * vault is synced, 8 (NOT_SYNCED) when any is offline, rewritten, failed, locked or removed.
 */
export function registerTeamSync(team: Command, context: CliContext): void {
  team
    .command('sync')
    .description('send your changes and take the team’s in (every team vault when none is named)')
    .argument('[vault]', 'vault name or id')
    .addHelpText(
      'after',
      `${examples('keyhaven team sync', 'keyhaven team sync Payments --json')}

Exit codes: 0 every vault synced; 8 any vault not synced (offline: your changes wait for the next
sync; history rewritten: someone force-pushed, nothing was changed here; failed; locked; removed).
Other failures as for every command (3 not found, 4 keychain, …).`,
    )
    .action(async (vaultName: string | undefined) => {
      const references = await context.references();
      const core = await context.coreWithVaultKeys();
      const named = vaultName === undefined ? null : references.findVault(vaultName);
      const ids = named === null ? core.teams.teamVaultIds() : [named.id];
      const results: NamedSync[] = [];
      const texts: string[] = [];
      for (const id of ids) {
        const result = named === null ? await syncOrFailed(core, id) : await core.teams.sync(id);
        const row = { vault: nameOf(core, id), ...result };
        results.push(row);
        const names = await core.teams.status(id).then(memberNames, () => new Map<string, string>());
        texts.push(syncText(row, names));
      }
      context.output.data(results, () =>
        ids.length === 0
          ? 'No team vaults yet: keyhaven team init <vault> --repo <path|url>, or keyhaven team join <path|url>.'
          : texts.join('\n'),
      );
      if (results.some((result) => result.state !== 'synced')) process.exitCode = EXIT.NOT_SYNCED;
    });
}

/** Syncing them all, one vault's error (a damaged member list, say) is its line, and the others still sync. */
async function syncOrFailed(core: Core, vaultId: string): ReturnType<Core['teams']['sync']> {
  try {
    return await core.teams.sync(vaultId);
  } catch (error) {
    return {
      vaultId,
      state: 'failed',
      ahead: 0,
      ...{ sent: 0, received: 0, deleted: 0, notices: [], refused: [] },
      message: judgeError(error, 'the sync').shown.message,
      timings: { totalMs: 0, gitMs: 0 },
    };
  }
}

function nameOf(core: Core, vaultId: string): string {
  return core.vaults.vaults.listVaults().find((vault) => vault.id === vaultId)?.name ?? vaultId;
}
