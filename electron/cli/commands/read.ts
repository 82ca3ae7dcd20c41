import type { Command } from 'commander';
import { parseSecretReference } from '../../../shared/domain/secret-reference';
import type { CliContext } from '../context';
import { examples } from '../help-text';

/** `keyhaven read <ref>`: the value on stdout, for `$(keyhaven read …)` and pipes. */
export function registerRead(program: Command, context: CliContext): void {
  program
    .command('read')
    .description('print a vault key (or its header line, scheme or base URL)')
    .argument('<reference>', 'kh://<vault>/<entry>[/header|/scheme|/base-url]')
    .option('-n, --no-newline', 'do not end the output with a newline')
    .addHelpText(
      'after',
      examples(
        'keyhaven read kh://Personal/Stripe',
        'keyhaven read kh://Personal/Stripe/header      # Authorization: Bearer …',
        'curl -H "$(keyhaven read kh://Personal/OpenAI/header)" https://api.openai.com/v1/models',
        'keyhaven read "kh://Team%20keys/Deploy%2Fprod" -n | pbcopy',
      ),
    )
    .action(async (text: string, options: { newline: boolean }) => {
      const reference = parseSecretReference(text);
      const [value] = await (await context.references()).read([reference], 'keyhaven read');
      const output = context.output;
      if (output.json) output.data({ reference: reference.text, field: reference.field, value }, () => '');
      else output.raw(options.newline ? `${value}\n` : (value as string));
    });
}
