import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface HarnessArgs {
  dataDir: string;
  port: number;
  /** The built renderer; only tests point it elsewhere (to check the "build first" error). */
  rendererDir: string | undefined;
  /** Start the local test API on this port (0: any free port); undefined leaves it off, as the app does. */
  testApiPort: number | undefined;
}

export type ParsedArgs = { kind: 'run'; args: HarnessArgs } | { kind: 'help' };

export const USAGE = `Usage: npm run harness -- --data-dir DIR [--port N] [--test-api-port N]

Serves the built renderer (out/renderer) on 127.0.0.1 and bridges window.keyhaven to the real core
over loopback HTTP. The first line printed is the URL to open (it carries this run's token).

  --data-dir DIR       Keyhaven's data folder (required; created if missing)
  --port N             port on 127.0.0.1 (default 0: any free port)
  --renderer-dir DIR   the built renderer to serve (default: out/renderer)
  --test-api-port N    also start the local test API on 127.0.0.1:N (0: any free port); off otherwise
  --help               show this text`;

/** A bad command line: the message says what is wrong; the CLI prints it with the usage. */
export class ArgsError extends Error {
  override readonly name = 'ArgsError';
}

export function parseHarnessArgs(argv: readonly string[]): ParsedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string', default: '0' },
        'renderer-dir': { type: 'string' },
        'test-api-port': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    // parseArgs' own messages name the option ("Unknown option '--x'"), which is what a user needs.
    throw new ArgsError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { kind: 'help' };

  const dataDir = values['data-dir'];
  if (dataDir === undefined || dataDir.trim() === '') throw new ArgsError('--data-dir DIR is required.');
  return {
    kind: 'run',
    args: {
      dataDir: resolve(dataDir),
      port: parsePort(values.port, '--port'),
      rendererDir: values['renderer-dir'] === undefined ? undefined : resolve(values['renderer-dir']),
      testApiPort:
        values['test-api-port'] === undefined ? undefined : parsePort(values['test-api-port'], '--test-api-port'),
    },
  };
}

function parsePort(text: string, option: string): number {
  // Digits only: Number('') is 0 and Number('1e3') is 1000, neither of which anyone meant.
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) {
    throw new ArgsError(`${option} must be a whole number from 0 to 65535 (got "${text}").`);
  }
  return Number(text);
}
