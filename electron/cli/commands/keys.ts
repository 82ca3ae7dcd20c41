import type { Command } from 'commander';
import { GRACE_PERIOD_IDS, type GracePeriodId } from '../../../shared/catalogs/expirations';
import type { IssuedKeySummary } from '../../../shared/domain/issued-key';
import { parsePastedKey } from '../../../shared/domain/pasted-key';
import type { Core } from '../../core/core';
import { CoreError } from '../../core/errors';
import { CliError, EXIT } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { table } from '../output';
import { readSecretFromStdin } from '../stdin-secret';
import { findApp } from './apps';
import { parseExpires } from './expires-flag';
import { registerImportUsage } from './import-usage';
import { registerKeyset } from './keyset';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `keyhaven keys …`: issue, list, rotate, revoke and verify keys, as the app's Keys tab does. */
export function registerKeys(program: Command, context: CliContext): void {
  const keys = program
    .command('keys')
    .description('keys issued for your apps')
    .addHelpText(
      'after',
      examples(
        'keyhaven keys ls Pyas',
        'keyhaven keys create Pyas --name "CI deploy" --expires 5d --no-scopes',
        'keyhaven keys rotate Pyas n58lZyBi --grace 24h',
        'printf %s "$KEY" | keyhaven keys verify',
        'keyhaven keys keyset Pyas --publish-to ~/services/pyas/keys',
      ),
    );

  keys
    .command('ls')
    .description('list an app’s keys (labels and states, never the keys)')
    .argument('<app>', 'app name or id')
    .addHelpText('after', examples('keyhaven keys ls Pyas', 'keyhaven keys ls Pyas --json'))
    .action(async (appName: string) => {
      const core = await context.core();
      const list = core.issuing.list(findApp(core, appName).id);
      context.output.data(list, () =>
        table(
          ['NAME', 'KEY', 'STATUS', 'EXPIRES', 'SCOPES', 'LAST USED'],
          list.map((key) => [
            key.name,
            `${key.keyPrefix}_${key.keyId}`,
            key.status.replace('_', ' '),
            key.expiresAt?.slice(0, 16).replace('T', ' ') ?? 'never',
            key.scopes.join(',') || '—',
            key.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never',
          ]),
          `No keys for this app yet: keyhaven keys create "${appName}" --name <name>.`,
        ),
      );
    });

  keys
    .command('create')
    .description('issue a key; it is printed once, on stdout')
    .argument('<app>', 'app name or id')
    .requiredOption('--name <name>', 'what the key is for')
    .option('--expires <when>', '1h, 12h, 1d, 5d, 1y, never or an ISO date', '1y')
    .option('--scope <scope>', 'a scope id (repeat for several)', collect)
    .option('--no-scopes', 'issue a key with no scopes (say so explicitly)')
    .option('--save-in <vault>', 'also save it in this vault')
    .addHelpText(
      'after',
      examples(
        'keyhaven keys create Pyas --name "CI deploy" --expires 5d --scope read:items --scope write:items',
        'keyhaven keys create Pyas --name "Nightly" --no-scopes --save-in Personal',
        'KEY=$(keyhaven keys create Pyas --name Temp --expires 1h --no-scopes)',
      ),
    )
    .action(
      async (
        appName: string,
        options: { name: string; expires: string; scope?: string[]; scopes: boolean; saveIn?: string },
      ) => {
        const core = await context.core();
        const app = findApp(core, appName);
        const scopes = options.scope ?? [];
        if (!options.scopes && scopes.length > 0)
          throw new CliError('USAGE', 'Choose either --scope or --no-scopes, not both.');
        if (options.scopes && scopes.length === 0)
          throw new CliError(
            'USAGE',
            'Name the key’s scopes with --scope (see keyhaven apps ls --json), or pass --no-scopes.',
          );
        const vault = options.saveIn === undefined ? null : (await context.references()).findVault(options.saveIn);
        const generated = await core.issuing.generate({
          appId: app.id,
          name: options.name,
          expiration: parseExpires(options.expires, core.clock.now()),
          scopes,
          noScopes: !options.scopes,
        });
        const saved = vault ? await core.issuing.saveInVault(generated.key.id, vault.id) : null;
        core.issuing.discard(generated.key.id);
        await core.issuing.recordViewed(generated.key.id, 'shown', 'once, printed by keyhaven keys create');
        const output = context.output;
        if (output.json)
          output.data({ key: generated.key, plaintext: generated.plaintext, savedIn: saved?.id ?? null }, () => '');
        else output.raw(`${generated.plaintext}\n`);
        output.note(
          `Issued ${label(generated.key)} for "${app.name}". It is shown once${vault ? ` and saved in "${vault.name}"` : ''}: store it now.`,
        );
      },
    );

  keys
    .command('rotate')
    .description('replace a key with a new one (printed once); the old one works for the grace period')
    .argument('<app>', 'app name or id')
    .argument('<key>', 'key id (n58lZyBi), label (pyas_n58lZyBi) or record id')
    .option('--grace <period>', '0, 1h, 24h or 7d', '0')
    .addHelpText('after', examples('keyhaven keys rotate Pyas n58lZyBi --grace 24h'))
    .action(async (appName: string, keyText: string, options: { grace: string }) => {
      const core = await context.core();
      const key = findKey(core, appName, keyText);
      const grace = (options.grace === '0' ? 'immediately' : options.grace) as GracePeriodId;
      if (!GRACE_PERIOD_IDS.includes(grace)) throw new CliError('USAGE', '--grace is 0, 1h, 24h or 7d.');
      const rotated = await core.issuing.rotate(key.id, grace);
      core.issuing.discard(rotated.key.id);
      await core.issuing.recordViewed(rotated.key.id, 'shown', 'once, printed by keyhaven keys rotate');
      const output = context.output;
      if (output.json) output.data(rotated, () => '');
      else output.raw(`${rotated.plaintext}\n`);
      const vaults = rotated.vaultUpdate.updatedEntries;
      output.note(
        `Rotated ${label(key)} to ${label(rotated.key)}${vaults > 0 ? `; ${vaults} vault ${vaults === 1 ? 'entry' : 'entries'} updated` : ''}.`,
      );
      if (rotated.vaultUpdate.problem) output.note(`keyhaven: warning: ${rotated.vaultUpdate.problem}`);
    });

  keys
    .command('revoke')
    .description('revoke a key: it stops working at once, everywhere')
    .argument('<app>', 'app name or id')
    .argument('<key>', 'key id, label or record id')
    .addHelpText('after', examples('keyhaven keys revoke Pyas n58lZyBi'))
    .action(async (appName: string, keyText: string) => {
      const core = await context.core();
      const revoked = await core.issuing.revoke(findKey(core, appName, keyText).id);
      context.output.data(revoked, () => `Revoked ${label(revoked)}.`);
    });

  // Disable and enable: a temporary stop (DISABLED), distinct from revoke, as the key's page offers.
  for (const [verb, disable, says] of [
    ['disable', true, 'Disabled'],
    ['enable', false, 'Enabled'],
  ] as const) {
    keys
      .command(verb)
      .description(disable ? 'stop a key for now: it answers DISABLED until enabled' : 'make a disabled key work again')
      .argument('<app>', 'app name or id')
      .argument('<key>', 'key id, label or record id')
      .addHelpText('after', examples(`keyhaven keys ${verb} Pyas n58lZyBi`))
      .action(async (appName: string, keyText: string) => {
        const core = await context.core();
        const id = findKey(core, appName, keyText).id;
        const changed = await (disable ? core.issuing.disable(id) : core.issuing.enable(id));
        context.output.data(changed, () => `${says} ${label(changed)}.`);
      });
  }

  keys
    .command('verify')
    .description('check a key read from stdin (or a header line carrying one); prints the outcome')
    .option('--scope <scope>', 'also require this scope')
    .addHelpText(
      'after',
      examples(
        'printf %s "$KEY" | keyhaven keys verify',
        'echo "Authorization: Bearer $KEY" | keyhaven keys verify --scope read:items',
      ),
    )
    .action(async (options: { scope?: string }) => {
      const core = await context.core();
      const pasted = parsePastedKey(await readSecretFromStdin('key'));
      const result = await core.issuing.verify(pasted.key, 'x-api-key', options.scope);
      context.output.data(result, () =>
        result.key
          ? `${result.code} ${label(result.key)} (${result.key.name}, ${result.key.status.replace('_', ' ')})`
          : result.code,
      );
      if (result.code !== 'VALID') process.exitCode = EXIT.INVALID_KEY;
    });

  registerKeyset(keys, context);
  registerImportUsage(keys, context);
}

function label(key: Pick<IssuedKeySummary, 'keyPrefix' | 'keyId'>): string {
  return `${key.keyPrefix}_${key.keyId}`;
}

function findKey(core: Core, appName: string, text: string): IssuedKeySummary {
  const app = findApp(core, appName);
  const keyId = text.includes('_') ? text.slice(text.lastIndexOf('_') + 1) : text;
  const found = core.issuing.list(app.id).find((key) => key.id === text || key.keyId === keyId);
  if (!found) throw new CoreError('NOT_FOUND', `"${app.name}" has no key ${text}. See keyhaven keys ls "${app.name}".`);
  return found;
}
