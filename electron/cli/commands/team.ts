import { resolve } from 'node:path';
import type { Command } from 'commander';
import { repoUrlSchema, type TeamVaultStatus } from '../../../shared/domain/team-link';
import type { Core } from '../../core/core';
import { SecretReferences } from '../../core/vaults/secret-references';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { readStdinText } from '../stdin-secret';
import { registerTeamIdentity } from './team-identity';
import { registerTeamSync } from './team-sync';
import { removalText, statusText, type NamedStatus } from './team-output';

export const DEFAULT_TEAM_VAULT_NAME = 'Team vault';

/**
 * `keyhaven team …`: team vaults shared through a git repository (issue 15), as the core's TeamVaults
 * offers them. Everything is checked before the core is asked, so bad input changes nothing. Git's
 * own credentials are used (SSH agent, credential helper); Keyhaven never asks for a token.
 */
export function registerTeam(program: Command, context: CliContext): void {
  const team = program
    .command('team')
    .description('team vaults shared through a git repository')
    .addHelpText(
      'after',
      examples(
        'keyhaven team identity --name "Ada Lovelace"',
        'keyhaven team init Payments --repo git@github.com:acme/keyhaven-payments.git',
        'keyhaven team add Payments keyhaven-member:v1 age1… AbC… Grace Hopper',
        'keyhaven team join git@github.com:acme/keyhaven-payments.git --name Payments',
        'keyhaven team sync',
        'keyhaven team status Payments',
      ),
    );

  registerTeamIdentity(team, context);

  team
    .command('init')
    .description('share a vault with a team through an empty git repository (a new local path is made)')
    .argument('<vault>', 'vault name or id')
    .requiredOption('--repo <path|url>', 'an empty repository: a path, https://, ssh:// or user@host:path')
    .option('--member-name <name>', 'the name teammates will see, if you have no team identity yet')
    .addHelpText(
      'after',
      examples(
        'keyhaven team init Payments --repo git@github.com:acme/keyhaven-payments.git',
        'keyhaven team init Payments --repo /srv/git/payments.git --member-name "Ada Lovelace"',
      ),
    )
    .action(async (vaultName: string, flags: { repo: string; memberName?: string }) => {
      const url = repoUrl(flags.repo);
      const core = await context.coreWithVaultKeys();
      const vault = findVault(core, vaultName);
      const status = await core.teams.share(vault.id, url, memberName(flags.memberName));
      printStatus(context, { name: vault.name, ...status });
    });

  team
    .command('join')
    .description('join a team vault someone added you to: it becomes a new local vault')
    .argument('<path|url>', 'the team’s repository')
    .option('--name <vault name>', `the local vault’s name (default: "${DEFAULT_TEAM_VAULT_NAME}", made unique)`)
    .option('--member-name <name>', 'the name teammates will see, if you have no team identity yet')
    .addHelpText(
      'after',
      examples(
        'keyhaven team join git@github.com:acme/keyhaven-payments.git --name Payments',
        'keyhaven team join /srv/git/payments.git --member-name "Grace Hopper"',
      ),
    )
    .action(async (where: string, flags: { name?: string; memberName?: string }) => {
      const url = repoUrl(where);
      if (flags.name !== undefined && flags.name.trim() === '') throw new CliError('USAGE', '--name needs a name.');
      const core = await context.coreWithVaultKeys();
      const name = flags.name?.trim() ?? uniqueVaultName(core, DEFAULT_TEAM_VAULT_NAME);
      const status = await core.teams.join(url, name, memberName(flags.memberName));
      printStatus(context, { name: vaultNameOf(core, status.vaultId), ...status });
    });

  team
    .command('add')
    .description('add a member from the public line they sent you (keyhaven team identity)')
    .argument('<vault>', 'vault name or id')
    .argument('<line...>', 'their line (quoted, or as the rest of the arguments), or - to read it from stdin')
    .option('--read-only', 'they read every entry but cannot change any')
    .addHelpText(
      'after',
      examples(
        'keyhaven team add Payments keyhaven-member:v1 age1… AbC… Grace Hopper',
        'pbpaste | keyhaven team add Payments - --read-only',
      ),
    )
    .action(async (vaultName: string, words: string[], flags: { readOnly?: boolean }) => {
      const line = words.length === 1 && words[0] === '-' ? (await readStdinText()).trim() : words.join(' ').trim();
      if (line === '') throw new CliError('USAGE', 'No member line: pass it, or - to read it from stdin.');
      const core = await context.coreWithVaultKeys();
      const vault = findVault(core, vaultName);
      const status = await core.teams.addMember(vault.id, line, { readOnly: flags.readOnly === true });
      printStatus(context, { name: vault.name, ...status });
    });

  team
    .command('remove')
    .description('remove a member: the vault key is rotated, every entry they could read is marked to rotate')
    .argument('<vault>', 'vault name or id')
    .argument('<member>', 'their name or fingerprint (as team status shows it)')
    .addHelpText(
      'after',
      examples('keyhaven team remove Payments "Grace Hopper"', 'keyhaven team remove Payments 3f2a9c01b7d4e588'),
    )
    .action(async (vaultName: string, member: string) => {
      if (member.trim() === '') throw new CliError('USAGE', 'Name the member to remove (name or fingerprint).');
      const core = await context.coreWithVaultKeys();
      const vault = findVault(core, vaultName);
      // Fingerprints are shown grouped ("3f2a 9c01 …"): either spelling names the member.
      const who = /^[0-9a-f]{4}( ?[0-9a-f]{4}){3}$/i.test(member.trim())
        ? member.replace(/ /g, '').toLowerCase()
        : member;
      const removed = await core.teams.removeMember(vault.id, who);
      const result = { ...removed, status: { name: vault.name, ...removed.status } };
      context.output.data(result, () => removalText(result));
    });

  registerTeamSync(team, context);

  team
    .command('status')
    .description('a team vault’s repository, members and last sync')
    .argument('<vault>', 'vault name or id')
    .addHelpText('after', examples('keyhaven team status Payments', 'keyhaven team status Payments --json'))
    .action(async (vaultName: string) => {
      const core = await context.core();
      const vault = findVault(core, vaultName);
      printStatus(context, { name: vault.name, ...(await core.teams.status(vault.id)) });
    });
}

/**
 * The repository as the core accepts it; `./x` and `../x` are taken relative to the working folder.
 * Anything else git could read as an option (`-x`) or a command (`ext::…`) is refused here.
 */
export function repoUrl(text: string): string {
  const candidate = /^\.\.?([\\/]|$)/.test(text) ? resolve(text) : text;
  const parsed = repoUrlSchema.safeParse(candidate);
  if (!parsed.success) throw new CliError('USAGE', parsed.error.issues[0]?.message ?? 'Not a repository address.');
  return parsed.data;
}

function memberName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (name.trim() === '') throw new CliError('USAGE', '--member-name needs a name.');
  return name.trim();
}

function findVault(core: Core, name: string): { id: string; name: string } {
  return new SecretReferences(() => core.vaults, core.db).findVault(name);
}

function vaultNameOf(core: Core, vaultId: string): string {
  return core.vaults.vaults.listVaults().find((vault) => vault.id === vaultId)?.name ?? vaultId;
}

/** `base`, or `base 2`, `base 3`… : the first not taken (names are unique ignoring case). */
function uniqueVaultName(core: Core, base: string): string {
  const taken = new Set(core.vaults.vaults.listVaults().map((vault) => vault.name.toLowerCase()));
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${base} ${n}`;
  return name;
}

function printStatus(context: CliContext, status: TeamVaultStatus & { name: string }): void {
  context.output.data(status satisfies NamedStatus, () => statusText(status));
}
