import { Command } from 'commander';
import { CliContext, type GlobalOptions } from './context';

type Register = (program: Command, context: CliContext) => void;

/**
 * Each command group is loaded only when it runs (esbuild makes each a chunk): `keyhaven read` never
 * loads the scanner, the child-process code or dotenv, and `--version` loads none of them. Help for
 * the whole program loads them all, to list them. In the order help lists them.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  read: async () => (await import('./commands/read')).registerRead,
  run: async () => (await import('./commands/run')).registerRun,
  inject: async () => (await import('./commands/inject')).registerInject,
  vault: async () => (await import('./commands/vault')).registerVault,
  apps: async () => (await import('./commands/apps')).registerApps,
  keys: async () => (await import('./commands/keys')).registerKeys,
  team: async () => (await import('./commands/team')).registerTeam,
  scan: async () => (await import('./commands/scan')).registerScan,
};

/** Global options that take a value: the word after them is not the command's name. */
const VALUE_OPTIONS = new Set(['--data-dir']);

/** The command named in `args` (after node and the script), or null when there is none or it is unknown. */
export function invokedCommand(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === '--') return null;
    if (VALUE_OPTIONS.has(arg)) i += 1;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : null;
  }
  return null;
}

const EXAMPLES = `
Examples:
  $ keyhaven read kh://Personal/Stripe                 print a vault key
  $ keyhaven run --env STRIPE_KEY=kh://Personal/Stripe -- node server.js
  $ keyhaven inject -i config.tpl.yml -o config.yml
  $ printf %s "$KEY" | keyhaven vault add Personal --name "OpenAI" --scheme bearer
  $ keyhaven keys create Pyas --name "CI deploy" --expires 5d --scope read:items
  $ keyhaven team sync
  $ keyhaven scan . --git --format sarif > keyhaven.sarif

References name a vault entry: kh://<vault>/<entry>[/header|/scheme|/base-url]
(names as the app shows them, percent-encoded where needed; ids work too).
The data folder is the app's own, or --data-dir / KEYHAVEN_DATA_DIR.
Exit codes: 0 ok, 1 leak found (scan), 2 usage, 3 not found, 4 keychain locked or
unavailable, 5 key not VALID (keys verify), 6 conflict, 7 data folder problem,
8 a team vault did not sync (team sync), 70 internal.`;

/**
 * The command tree for these arguments: the invoked command, or all of them (help, an unknown
 * command); `context` opens the data folder only when a command needs it.
 */
export async function buildProgram(
  version: string,
  args: readonly string[],
): Promise<{ program: Command; context: CliContext }> {
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
  const invoked = invokedCommand(args);
  const loaders = invoked === null ? Object.values(COMMANDS) : [COMMANDS[invoked] as () => Promise<Register>];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, context);
  return { program, context };
}
