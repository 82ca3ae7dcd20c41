import { Command } from 'commander';
import { registerApps } from './commands/apps';
import { registerInject } from './commands/inject';
import { registerKeys } from './commands/keys';
import { registerRead } from './commands/read';
import { registerRun } from './commands/run';
import { registerScan } from './commands/scan';
import { registerVault } from './commands/vault';
import { CliContext, type GlobalOptions } from './context';

const EXAMPLES = `
Examples:
  $ keyhaven read kh://Personal/Stripe                 print a vault key
  $ keyhaven run --env STRIPE_KEY=kh://Personal/Stripe -- node server.js
  $ keyhaven inject -i config.tpl.yml -o config.yml
  $ printf %s "$KEY" | keyhaven vault add Personal --name "OpenAI" --scheme bearer
  $ keyhaven keys create Pyas --name "CI deploy" --expires 5d --scope read:items
  $ keyhaven scan . --git --format sarif > keyhaven.sarif

References name a vault entry: kh://<vault>/<entry>[/header|/scheme|/base-url]
(names as the app shows them, percent-encoded where needed; ids work too).
The data folder is the app's own, or --data-dir / KEYHAVEN_DATA_DIR.
Exit codes: 0 ok, 1 leak found (scan), 2 usage, 3 not found, 4 keychain locked or
unavailable, 5 key not VALID (keys verify), 6 conflict, 7 data folder problem, 70 internal.`;

/** The whole command tree; `context` opens the data folder only when a command needs it. */
export function buildProgram(version: string): { program: Command; context: CliContext } {
  const program = new Command('keyhaven');
  const context = new CliContext(() => program.opts<GlobalOptions>(), version);
  program
    .description('Keyhaven from the terminal: vault keys for your commands, issued keys, and a leak scan.')
    .version(version, '-V, --version', 'print the version')
    .option('--data-dir <folder>', "the data folder (default: the app's, or KEYHAVEN_DATA_DIR)")
    .option('--json', 'print data as JSON (every command that prints data)')
    .helpOption('-h, --help', 'show help for a command')
    .showSuggestionAfterError(false)
    .exitOverride()
    // Failures are printed once, in our words, by index.ts (failure.ts): never an echo of the input.
    .configureOutput({ outputError: () => undefined })
    .addHelpText('after', EXAMPLES);
  registerRead(program, context);
  registerRun(program, context);
  registerInject(program, context);
  registerVault(program, context);
  registerApps(program, context);
  registerKeys(program, context);
  registerScan(program, context);
  return { program, context };
}
