import type { Command } from 'commander';
import {
  isSecretReference,
  parseSecretReference,
  ReferenceSyntaxError,
  type SecretReference,
} from '../../../shared/domain/secret-reference';
import { CliError } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { readEnvFile } from '../run/env-file';
import { runChild } from '../run/run-child';

interface RunOptions {
  env?: string[];
  envFile?: string[];
  masking: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * `keyhaven run -- <command>`: the command runs with vault keys in its environment, from --env,
 * --env-file and any variable of our own environment whose value is a kh:// reference, and with
 * those values masked in its output where that output is not a terminal.
 */
export function registerRun(program: Command, context: CliContext): void {
  program
    .command('run')
    .description('run a command with vault keys in its environment, masked in its piped output')
    .option('--env <NAME=reference>', 'set NAME to a vault key (repeat for several)', collect)
    .option('--env-file <file>', 'load variables from a .env file; kh:// values are resolved (repeatable)', collect)
    .option('--no-masking', 'do not conceal the keys in the command’s output')
    .argument('<command...>', 'the command and its arguments, after --')
    .addHelpText(
      'after',
      examples(
        'keyhaven run --env STRIPE_KEY=kh://Personal/Stripe -- node server.js',
        'keyhaven run --env-file .env.keyhaven -- npm test        # .env: OPENAI_API_KEY=kh://Personal/OpenAI',
        'OPENAI_API_KEY=kh://Personal/OpenAI keyhaven run -- python app.py',
        'keyhaven run --env AUTH="kh://Personal/GitHub/header" -- sh -c \'curl -H "$AUTH" https://api.github.com/user\'',
      ) + '\n\nPut -- before the command so that its own options are not read as keyhaven’s.',
    )
    .action(async (commandLine: string[], options: RunOptions) => {
      const [command, ...args] = commandLine;
      if (command === undefined) throw new CliError('USAGE', 'Name the command to run after --.');
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const file of options.envFile ?? []) Object.assign(env, await readEnvFile(file));
      for (const pair of options.env ?? []) {
        const [name, value] = splitAssignment(pair);
        env[name] = value;
      }
      const wanted = referencedVariables(env);
      const references = [...wanted.values()];
      // A header line holds the key: the bare key is read too, so that it is masked on its own as well.
      const bareKeys = references
        .filter((reference) => reference.field === 'header')
        .map((reference): SecretReference => ({ ...reference, field: 'key' }));
      const values =
        references.length === 0
          ? []
          : await (await context.references()).read([...references, ...bareKeys], 'keyhaven run');
      [...wanted.keys()].forEach((name, at) => (env[name] = values[at]));
      const secrets = values.filter((_, at) => at >= references.length || secretField(references[at]));
      // The data files are closed before the command starts: it may run for hours.
      await context.close();
      process.exitCode = await runChild({ command, args, env, secrets, masking: options.masking });
    });
}

function splitAssignment(pair: string): [string, string] {
  const at = pair.indexOf('=');
  const name = at > 0 ? pair.slice(0, at) : '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new CliError('USAGE', '--env takes NAME=kh://<vault>/<entry>, e.g. --env STRIPE_KEY=kh://Personal/Stripe.');
  const value = pair.slice(at + 1);
  if (!isSecretReference(value))
    throw new CliError(
      'USAGE',
      `--env ${name}= takes a kh:// reference; a plain value would be visible in the process list.`,
    );
  return [name, value];
}

/** Every variable whose value is a reference, parsed; a malformed one is named, never guessed at. */
function referencedVariables(env: NodeJS.ProcessEnv): Map<string, SecretReference> {
  const found = new Map<string, SecretReference>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined || !isSecretReference(value)) continue;
    try {
      found.set(name, parseSecretReference(value));
    } catch (error) {
      if (error instanceof ReferenceSyntaxError) throw new CliError('USAGE', `${name}: ${error.message}`);
      throw error;
    }
  }
  return found;
}

function secretField(reference: SecretReference | undefined): boolean {
  return reference?.field === 'key' || reference?.field === 'header';
}
