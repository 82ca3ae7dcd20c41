import type { Command } from 'commander';
import { formatSecretReference, type SecretReference } from '../../../shared/domain/secret-reference';
import type { EntryView } from '../../../shared/domain/vault';
import type { Core } from '../../core/core';
import { SecretReferences } from '../../core/vaults/secret-references';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { table } from '../output';
import { readSecretFromStdin } from '../stdin-secret';
import { entryJson, entryRows, parseEntryFlags, type EntryFlags } from './vault-entry-flags';

/** `keyhaven vault …`: list, add, replace and remove vault keys. Keys come from stdin only. */
export function registerVault(program: Command, context: CliContext): void {
  const vault = program
    .command('vault')
    .description('vaults and their keys')
    .addHelpText(
      'after',
      examples(
        'keyhaven vault ls',
        'keyhaven vault entries Personal',
        'pbpaste | keyhaven vault add Personal --name Stripe',
        'keyhaven vault rm Personal Stripe',
      ),
    );

  vault
    .command('ls')
    .description('list the vaults')
    .addHelpText('after', examples('keyhaven vault ls', 'keyhaven vault ls --json'))
    .action(async () => {
      const vaults = (await context.core()).vaults.vaults.listVaults();
      context.output.data(vaults, () =>
        table(
          ['NAME', 'KEYS', 'CREATED', 'ID'],
          vaults.map((v) => [v.name, String(v.entryCount), v.createdAt.slice(0, 10), v.id]),
          'No vaults yet: keyhaven vault create <name>.',
        ),
      );
    });

  vault
    .command('entries')
    .description('list the keys of a vault (names and settings, never the keys)')
    .argument('<vault>', 'vault name or id')
    .addHelpText('after', examples('keyhaven vault entries Personal', 'keyhaven vault entries Personal --json'))
    .action(async (vaultName: string) => {
      const core = await context.core();
      const found = findVault(core, vaultName);
      const entries = core.vaults.entries.listEntries(found.id);
      context.output.data(
        entries.map((entry) => entryJson(found.name, entry)),
        () => entryRows(found.name, entries),
      );
    });

  vault
    .command('create')
    .description('create a vault (its key goes to the OS keychain)')
    .argument('<name>', 'the new vault’s name')
    .addHelpText('after', examples('keyhaven vault create "Team keys"'))
    .action(async (name: string) => {
      const core = await context.coreWithVaultKeys();
      const created = await core.vaults.vaults.createVault(name);
      await record(core, 'vault.created', `Vault "${created.name}" created`, { vaultId: created.id });
      context.output.data(created, () => `Created the vault "${created.name}" (${created.id}).`);
    });

  addEntryFlags(
    vault
      .command('add')
      .description('add a key, read from stdin (a pasted header line is split as in the app)')
      .argument('<vault>', 'vault name or id')
      .requiredOption('--name <name>', 'the entry’s name'),
  )
    .addHelpText(
      'after',
      examples(
        'printf %s "$OPENAI_KEY" | keyhaven vault add Personal --name OpenAI --scheme bearer --base-url https://api.openai.com',
        'pbpaste | keyhaven vault add Personal --name Stripe        # "Authorization: Bearer sk_…" is split',
        'keyhaven vault add Personal --name GitHub                  # at a terminal: prompts, not echoed',
      ),
    )
    .action(async (vaultName: string, flags: EntryFlags & { name: string }) => {
      const core = await context.coreWithVaultKeys();
      const target = findVault(core, vaultName);
      const metadata = parseEntryFlags(flags);
      const secret = await readSecretFromStdin('key');
      const entry = await core.vaults.vaults.withUnlocked([target.id], () =>
        core.vaults.entries.addEntry({ vaultId: target.id, secret, name: flags.name, ...metadata }),
      );
      await record(core, 'entry.added', `Vault "${target.name}": key "${entry.name}" added`, {
        vaultId: target.id,
        entryId: entry.id,
      });
      const reference = formatSecretReference(target.name, entry.name);
      context.output.data(
        entryJson(target.name, entry),
        () => `Added "${entry.name}" to "${target.name}": ${reference}`,
      );
    });

  vault
    .command('set')
    .description('replace an entry’s key with one read from stdin (the old one stays in its history)')
    .argument('<vault>', 'vault name or id')
    .argument('<entry>', 'entry name or id')
    .addHelpText('after', examples('printf %s "$NEW_KEY" | keyhaven vault set Personal Stripe'))
    .action(async (vaultName: string, entryName: string) => {
      const core = await context.coreWithVaultKeys();
      const { vault: target, entry } = findEntry(core, vaultName, entryName);
      const secret = await readSecretFromStdin('new key');
      const updated = await core.vaults.vaults.withUnlocked([target.id], () =>
        core.vaults.entries.updateEntry({ entryId: entry.id, secret }),
      );
      await record(
        core,
        'entry.replaced',
        `Vault "${target.name}": key of "${entry.name}" replaced (version ${updated.secretVersion})`,
        { vaultId: target.id, entryId: entry.id },
      );
      context.output.data(
        entryJson(target.name, updated),
        () => `Replaced the key of "${entry.name}"; the old one is kept in its history.`,
      );
    });

  vault
    .command('rm')
    .description('remove an entry and its history')
    .argument('<vault>', 'vault name or id')
    .argument('<entry>', 'entry name or id')
    .addHelpText('after', examples('keyhaven vault rm Personal "Old Stripe"'))
    .action(async (vaultName: string, entryName: string) => {
      const core = await context.core();
      const { vault: target, entry } = findEntry(core, vaultName, entryName);
      await core.vaults.entries.deleteEntry(entry.id);
      await record(core, 'entry.removed', `Vault "${target.name}": key "${entry.name}" removed`, {
        vaultId: target.id,
        entryId: entry.id,
      });
      context.output.data({ removed: entry.id }, () => `Removed "${entry.name}" from "${target.name}".`);
    });
}

function addEntryFlags(command: Command): Command {
  return command
    .option('--service <service>', 'the service it belongs to (shown in the app)')
    .option('--scheme <scheme>', 'how it is sent: x-api-key, api-key, bearer, header:NAME or query:NAME')
    .option('--base-url <url>', 'the API’s base URL (https://…)')
    .option('--key <key>', 'refused: keys are read from stdin');
}

function reference(vault: string, entry: string): SecretReference {
  return { vault, entry, field: 'key', text: formatSecretReference(vault, entry) };
}

function findVault(core: Core, name: string) {
  return new SecretReferences(() => core.vaults, core.db).findVault(name);
}

function findEntry(
  core: Core,
  vault: string,
  entry: string,
): { vault: { id: string; name: string }; entry: EntryView } {
  return new SecretReferences(() => core.vaults, core.db).find(reference(vault, entry));
}

async function record(
  core: Core,
  type: 'vault.created' | 'entry.added' | 'entry.replaced' | 'entry.removed',
  summary: string,
  /** Which vault and entry, as the app's vault records name them (issue 14). */
  ids: { vaultId: string; entryId?: string },
) {
  await core.db.record([{ type, appId: null, summary, ...ids }]);
}
