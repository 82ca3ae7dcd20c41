import type { Command } from 'commander';
import type { App } from '../../../shared/domain/app';
import type { Core } from '../../core/core';
import { CoreError } from '../../core/errors';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { table } from '../output';

/** `keyhaven apps …`: the apps keys are issued for. */
export function registerApps(program: Command, context: CliContext): void {
  const apps = program
    .command('apps')
    .description('the apps you issue keys for')
    .addHelpText('after', examples('keyhaven apps ls', 'keyhaven apps create Billing'));

  apps
    .command('ls')
    .description('list the apps, with their key prefixes and key counts')
    .addHelpText('after', examples('keyhaven apps ls', 'keyhaven apps ls --json'))
    .action(async () => {
      const list = (await context.core()).apps.list();
      context.output.data(list, () =>
        table(
          ['NAME', 'PREFIX', 'ACTIVE KEYS', 'EXPIRING', 'ID'],
          list.map((app) => [
            app.name,
            app.keyPrefix,
            String(app.activeKeyCount),
            String(app.expiringSoonCount),
            app.id,
          ]),
          'No apps yet: keyhaven apps create <name>.',
        ),
      );
    });

  apps
    .command('create')
    .description('create an app (its key prefix is derived from the name)')
    .argument('<name>', 'the app’s name')
    .option('--description <text>', 'what the app is')
    .addHelpText(
      'after',
      examples('keyhaven apps create "Pyas"', 'keyhaven apps create Billing --description "Invoices API"'),
    )
    .action(async (name: string, options: { description?: string }) => {
      const core = await context.core();
      const app = await core.apps.create({
        name,
        ...(options.description === undefined ? {} : { description: options.description }),
      });
      context.output.data(app, () => `Created the app "${app.name}"; its keys start with ${app.keyPrefix}_.`);
    });
}

/** An app by name (any case) or id. */
export function findApp(core: Core, wanted: string): App {
  const apps = core.apps.list();
  const found =
    apps.find((app) => app.id === wanted) ?? apps.filter((app) => app.name.toLowerCase() === wanted.toLowerCase());
  if (!Array.isArray(found)) return found;
  if (found.length === 1) return found[0] as App;
  if (found.length === 0) throw new CoreError('NOT_FOUND', `No app named "${wanted}". See keyhaven apps ls.`);
  throw new CoreError('CONFLICT', `${found.length} apps are named "${wanted}": use its id.`);
}
