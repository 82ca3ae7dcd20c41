import { CommanderError } from 'commander';
import { buildProgram } from './program';

declare const __KEYHAVEN_VERSION__: string;

/**
 * `keyhaven`: the command line. Built by `npm run build` into out/cli/keyhaven.js (the package's
 * `bin`). Exit codes are in cli-error.ts; a failure is one line on stderr (failure.ts).
 */
async function main(argv: string[]): Promise<number> {
  const { program, context } = await buildProgram(__KEYHAVEN_VERSION__, argv.slice(2));
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (error) {
    // --help and --version end the parse with an "error" whose exit code is 0.
    if (error instanceof CommanderError && error.exitCode === 0) return 0;
    // Loaded on failure only: it brings the core's error types and redactor.
    const { describeFailure } = await import('./failure');
    const failure = describeFailure(error, process.env.KEYHAVEN_DEBUG === '1');
    process.stderr.write(`${failure.line}\n`);
    return failure.exitCode;
  } finally {
    await context.close().catch(() => undefined);
  }
}

// `keyhaven … | head`: the reader may stop reading early. Not a failure, and never a stack trace: the
// rest of the output has nowhere to go, and the command finishes (and closes its files) as it would.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await main(process.argv);
