import { resolve } from 'node:path';
import type { Command } from 'commander';
import { KEYSET_VALID_DAYS_MAX } from '../../../shared/domain/app';
import { VERIFY_ENV, type KeysetStatus } from '../../../shared/domain/keyset';
import { writeFileDurably } from '../../core/storage/atomic-write';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { findApp } from './apps';

interface KeysetFlags {
  output?: string;
  publishTo?: string;
  stopPublishing?: boolean;
  validDays?: string;
  env?: boolean;
}

/**
 * `keyhaven keys keyset <app>`: the signed keyset a service verifies this app's keys with (README
 * "Verify keys in your service"). Printed or written once, or published to a folder where every
 * generate, rotate and revoke — from the app or from here — rewrites it.
 */
export function registerKeyset(keys: Command, context: CliContext): void {
  keys
    .command('keyset')
    .description('the signed keyset your service verifies this app’s keys with')
    .argument('<app>', 'app name or id')
    .option('-o, --output <file>', 'write it to this file (replaced atomically) instead of stdout')
    .option('--publish-to <dir>', 'publish it in this folder, rewritten after every change of the app’s keys')
    .option('--stop-publishing', 'stop rewriting the published file (it is left as it is)')
    .option(
      '--valid-days <n>',
      `how long a keyset stays valid when nothing changes (1–${KEYSET_VALID_DAYS_MAX}, default 7)`,
    )
    .option('--env', `print ${VERIFY_ENV.publicKey}= and ${VERIFY_ENV.secret}= lines for your service’s .env`)
    .addHelpText(
      'after',
      examples(
        'keyhaven keys keyset Pyas -o pyas.keyset.json',
        'keyhaven keys keyset Pyas --publish-to ~/services/pyas/keys',
        'keyhaven keys keyset Pyas --env >> ~/services/pyas/.env',
      ),
    )
    .action(async (appName: string, flags: KeysetFlags) => {
      const chosen = [
        flags.output !== undefined,
        flags.publishTo !== undefined,
        flags.stopPublishing === true,
        flags.env === true,
      ];
      if (chosen.filter(Boolean).length > 1)
        throw new CliError('USAGE', 'Choose one of -o, --publish-to, --stop-publishing and --env.');
      const validDays = flags.validDays === undefined ? undefined : parseValidDays(flags.validDays);
      const core = await context.core();
      const app = findApp(core, appName);
      const output = context.output;
      if (flags.env) {
        const { publicKey } = await core.keysets.status(app.id);
        const secret = await core.keysets.revealSecret(app.id, 'printed by keyhaven keys keyset --env');
        output.raw(`${VERIFY_ENV.publicKey}=${publicKey}\n${VERIFY_ENV.secret}=${secret}\n`);
        output.note(`These are the values for "${app.name}": keep ${VERIFY_ENV.secret} out of your repository.`);
        return;
      }
      if (flags.publishTo !== undefined || flags.stopPublishing || validDays !== undefined) {
        const publishTo = flags.stopPublishing
          ? null
          : flags.publishTo === undefined
            ? undefined
            : resolve(flags.publishTo);
        const status = await core.keysets.configure({ appId: app.id, publishTo, validDays });
        output.data(status, () => describe(status));
        if (status.publishError) output.note(`keyhaven: warning: ${status.publishError}`);
        if (flags.output === undefined) return; // with -o, --valid-days applies to the file written next
      }
      const text = await core.keysets.export(app.id, flags.output ? `written to ${resolve(flags.output)}` : 'printed');
      if (flags.output === undefined) {
        output.raw(text);
        return;
      }
      await writeFileDurably(resolve(flags.output), text, { keepBackup: false });
      output.note(`Wrote the keyset of "${app.name}" to ${resolve(flags.output)}.`);
    });
}

function parseValidDays(text: string): number {
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > KEYSET_VALID_DAYS_MAX)
    throw new CliError('USAGE', `--valid-days is a whole number of days from 1 to ${KEYSET_VALID_DAYS_MAX}.`);
  return days;
}

function describe(status: KeysetStatus): string {
  const where =
    status.publishTo === null
      ? 'Not published.'
      : `Published to ${status.publishTo}/${status.fileName}, rewritten after every generate, rotate and revoke.`;
  return `${where} Sequence ${status.sequence}; each keyset is valid for ${status.validDays} day${status.validDays === 1 ? '' : 's'}.\n`;
}
