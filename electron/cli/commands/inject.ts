import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseSecretReference, ReferenceSyntaxError } from '../../../shared/domain/secret-reference';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { writeSecretFile } from '../inject/secret-file';
import { findTemplateReferences, renderTemplate } from '../inject/template';
import { readStdinText } from '../stdin-secret';

interface InjectOptions {
  inFile?: string;
  outFile?: string;
  force: boolean;
}

/** `keyhaven inject`: a config template with `{{ kh://… }}` filled in, to a 0600 file or stdout. */
export function registerInject(program: Command, context: CliContext): void {
  program
    .command('inject')
    .description('fill {{ kh://… }} references in a template; write a private (0600) file or stdout')
    .option('-i, --in-file <template>', 'the template (default: stdin)')
    .option('-o, --out-file <file>', 'write here, with mode 0600 (default: stdout)')
    .option('--force', 'replace the output file if it exists')
    .addHelpText(
      'after',
      examples(
        'keyhaven inject -i config.tpl.yml -o config.yml         # api_key: {{ kh://Personal/Stripe }}',
        'keyhaven inject -i .env.tpl -o .env --force',
        'echo "token={{ kh://Personal/GitHub }}" | keyhaven inject',
      ),
    )
    .action(async (options: InjectOptions) => {
      const template = await readTemplate(options.inFile);
      const texts = findTemplateReferences(template);
      const references = texts.map((text) => {
        try {
          return parseSecretReference(text);
        } catch (error) {
          if (error instanceof ReferenceSyntaxError) throw new CliError('USAGE', `In the template: ${error.message}`);
          throw error;
        }
      });
      const values =
        references.length === 0 ? [] : await (await context.references()).read(references, 'keyhaven inject');
      const rendered = renderTemplate(template, new Map(texts.map((text, at) => [text, values[at] as string])));
      const output = context.output;
      if (options.outFile === undefined) return output.raw(rendered);
      await writeSecretFile(options.outFile, rendered, { force: options.force === true });
      const count = references.length;
      output.note(
        `Wrote ${options.outFile} (mode 600) with ${count} ${count === 1 ? 'reference' : 'references'} filled in.`,
      );
    });
}

async function readTemplate(path: string | undefined): Promise<string> {
  if (path === undefined) return readStdinText();
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError('NOT_FOUND', `Template not found: ${path}.`);
    throw new CliError('USAGE', `Cannot read the template ${path} (${code ?? 'error'}).`);
  }
}
