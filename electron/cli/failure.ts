import { CommanderError } from 'commander';
import { ReferenceSyntaxError } from '../../shared/domain/secret-reference';
import { judgeError } from '../core/api/error-judge';
import { redact } from '../core/api/redact';
import { CliError, EXIT, exitKindOf } from './cli-error';

export interface Failure {
  /** One line for stderr, without a secret. */
  line: string;
  exitCode: number;
}

/**
 * Any failure as one line and an exit code. Keyhaven's own errors keep their words (written for
 * people, never a secret); commander's are reworded so they never echo what was typed (a key pasted
 * in the wrong place would otherwise be printed back); anything unforeseen gets a reference, with the
 * redacted details only under KEYHAVEN_DEBUG=1. Every line passes the redactor as a last defence.
 */
export function describeFailure(error: unknown, debug: boolean): Failure {
  if (error instanceof CliError) return line(error.message, error.exitCode);
  if (error instanceof ReferenceSyntaxError) return line(error.message, EXIT.USAGE);
  if (error instanceof CommanderError) return line(commanderWords(error), EXIT.USAGE);
  const judged = judgeError(error, 'the command');
  if (!judged.expected) {
    const details = debug ? ` ${judged.log}` : ' Run again with KEYHAVEN_DEBUG=1 for details.';
    return line(`${judged.shown.message}${details}`, EXIT.INTERNAL);
  }
  return line(judged.shown.message, EXIT[exitKindOf(judged.shown.code)]);
}

function line(message: string, exitCode: number): Failure {
  const oneLine = message.replace(/\s*\n\s*/g, ' ').trim();
  return { line: `keyhaven: ${redact(oneLine)}`, exitCode };
}

function commanderWords(error: CommanderError): string {
  const words = error.message.replace(/^error:\s*/, '');
  switch (error.code) {
    case 'commander.unknownOption': {
      // "unknown option '--key=sk_live_…'": keep the option's name, drop any value typed with it.
      const name = /'(-{1,2}[A-Za-z0-9-]+)/.exec(words)?.[1] ?? 'an option';
      return `unknown option ${name}. See --help.`;
    }
    case 'commander.unknownCommand':
      return 'unknown command. See keyhaven --help.';
    case 'commander.excessArguments': {
      // "Expected 1 argument but got 2: Personal, <what was typed>": the count only, never the values.
      const found = /^(too many arguments(?: for '[a-z-]+')?)\. (Expected \d+ arguments? but got \d+)/.exec(words);
      const counts = found ? `${found[1]} (${found[2]?.toLowerCase()})` : 'too many arguments';
      return `${counts}. A key is never taken as an argument (other users can see arguments in the process list): pipe it on stdin.`;
    }
    default:
      return words;
  }
}
