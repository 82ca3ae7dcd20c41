import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CoreError } from '../../core/errors';
import type { CliContext } from '../context';
import { examples } from '../help-text';

/** Usage files are small (counts per key and hour over 35 days); a bigger file is not one. */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * `keyhaven keys import-usage <file…>`: what a service's verifier counted (its `usageFile`) becomes
 * the keys' Last used, use count and activity here. Importing a file again adds only what is new.
 */
export function registerImportUsage(keys: Command, context: CliContext): void {
  keys
    .command('import-usage')
    .description('import the usage file a service’s verifier wrote: Last used and counts of its keys')
    .argument('<file...>', 'usage files (keyhaven-usage JSON)')
    .addHelpText(
      'after',
      examples(
        'keyhaven keys import-usage ./pyas-usage.json',
        'scp api:/srv/pyas/usage.json . && keyhaven keys import-usage usage.json',
      ),
    )
    .action(async (files: string[]) => {
      const core = await context.core();
      const results = [];
      for (const file of files) {
        const path = resolve(file);
        const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
          throw new CoreError(
            error.code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_INPUT',
            `Could not read ${path}${error.code ? ` (${error.code})` : ''}.`,
          );
        });
        if (Buffer.byteLength(text) > MAX_BYTES)
          throw new CoreError('INVALID_INPUT', `${path} is too large to be a usage file.`);
        const imported = await core.keysets.importUsage(text);
        results.push({ file: path, ...imported });
        const unknown =
          imported.unknownKeys > 0
            ? `; ${imported.unknownKeys} key id${imported.unknownKeys === 1 ? '' : 's'} in it are not "${imported.app}" keys here`
            : '';
        context.output.note(
          imported.uses === 0
            ? `${path}: nothing new for "${imported.app}"${unknown}.`
            : `${path}: ${imported.uses} verification${imported.uses === 1 ? '' : 's'} of ${imported.keys} key${imported.keys === 1 ? '' : 's'} of "${imported.app}" imported${unknown}.`,
        );
      }
      if (context.output.json) context.output.data(results, () => '');
    });
}
