import type { Command } from 'commander';
import type { App } from '../../../shared/domain/app';
import type { Core } from '../../core/core';
import { pickByIdOrName } from '../../core/name-lookup';
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
  return pickByIdOrName(core.apps.list(), wanted, (app) => app.name, {
    one: 'app',
    many: 'apps',
    hint: ' (see keyhaven apps ls)',
  });
}
