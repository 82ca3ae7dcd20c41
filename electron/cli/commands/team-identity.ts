import type { Command } from 'commander';
import type { TeamIdentityView } from '../../../shared/domain/team-link';
import type { Core } from '../../core/core';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { readStdinText } from '../stdin-secret';

interface IdentityFlags {
  name?: string;
  export?: boolean;
  plain?: boolean;
  passphraseStdin?: boolean;
}

const NO_IDENTITY =
  'This data folder has no team identity yet: pass --name "<the name your teammates will see>" to make one.';

/**
 * `keyhaven team identity`: the public line to send to a teammate, or (`--export`) the private
 * identity in age's format for the standard `age` tool. The export passphrase never comes from the
 * arguments (the process list shows them): it is asked on the terminal, twice, or piped on stdin.
 */
export function registerTeamIdentity(team: Command, context: CliContext): void {
  team
    .command('identity')
    .description('print your public member line (to send to a teammate who adds you), or export your identity')
    .option('--name <name>', 'the name teammates will see: makes your team identity if there is none')
    .option('--export', 'print your private identity in age’s format, passphrase-protected (age -d -i …)')
    .option('--plain', 'with --export: print it unprotected (for scripts; keep the file private)')
    .option('--passphrase-stdin', 'with --export: read the passphrase from stdin instead of the terminal')
    .addHelpText(
      'after',
      examples(
        'keyhaven team identity --name "Ada Lovelace"',
        'keyhaven team identity --json',
        'keyhaven team identity --export > me.age            # asks a passphrase twice',
        'printf %s "$PASS" | keyhaven team identity --export --passphrase-stdin > me.age',
        'keyhaven team identity --export --plain > me.txt && age -d -i me.txt keys/<fingerprint>.age',
      ),
    )
    .action(async (flags: IdentityFlags) => {
      if (!flags.export && (flags.plain || flags.passphraseStdin)) {
        throw new CliError('USAGE', '--plain and --passphrase-stdin go with --export.');
      }
      if (flags.plain && flags.passphraseStdin) {
        throw new CliError('USAGE', 'Choose either --plain or --passphrase-stdin, not both.');
      }
      const name = flags.name?.trim();
      if (flags.name !== undefined && name === '') throw new CliError('USAGE', '--name needs a name.');
      const core = await context.core();
      const existing = await core.teamIdentity.view();
      if (existing === null && name === undefined) throw new CliError('USAGE', NO_IDENTITY);
      // The passphrase is read before anything is made, so a refusal changes nothing.
      const passphrase = flags.export && !flags.plain ? await exportPassphrase(flags.passphraseStdin === true) : null;
      const identity = await identityOf(core, context, existing, name);
      if (flags.export) {
        const file = await core.teamIdentity.export(passphrase === null ? {} : { passphrase });
        context.output.raw(file.endsWith('\n') ? file : `${file}\n`);
        return;
      }
      context.output.data(identity, () => `${identity.line}\n`);
      if (!context.output.json) context.output.note(`Fingerprint: ${identity.fingerprint} (compare it on a call)`);
    });
}

async function identityOf(
  core: Core,
  context: CliContext,
  existing: TeamIdentityView | null,
  name: string | undefined,
): Promise<TeamIdentityView> {
  if (existing !== null) {
    if (name !== undefined && name !== existing.name) {
      context.output.note(`Your team identity already exists as "${existing.name}"; --name changed nothing.`);
    }
    return existing;
  }
  if (name === undefined) throw new CliError('USAGE', NO_IDENTITY);
  const created = await core.teamIdentity.create(name);
  context.output.note(`Made your team identity "${created.name}" (kept in the OS keychain).`);
  return created;
}

async function exportPassphrase(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    // One line: a trailing newline (echo, a file) is not part of it; other spaces are.
    const passphrase = (await readStdinText()).replace(/\r?\n$/, '');
    if (passphrase === '') throw new CliError('USAGE', 'No passphrase on stdin: pipe it in, or use --plain.');
    return passphrase;
  }
  const { askPassphraseOnTerminal } = await import('../terminal-passphrase');
  const ask = async (prompt: string) => {
    try {
      return await askPassphraseOnTerminal(prompt);
    } catch (error) {
      if (error instanceof CliError && error.kind === 'KEYCHAIN') {
        throw new CliError(
          'USAGE',
          'No terminal to ask the export passphrase on: pipe it with --passphrase-stdin, or use --plain.',
        );
      }
      throw error;
    }
  };
  const first = await ask('Passphrase for the exported identity (not shown): ');
  if (first === '')
    throw new CliError('USAGE', 'An empty passphrase protects nothing: use --plain to export in clear.');
  const second = await ask('The same passphrase again: ');
  if (second !== first) throw new CliError('USAGE', 'The two passphrases differ; nothing was exported.');
  return first;
}
