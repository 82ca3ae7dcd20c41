import { closeSync, openSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import { CliError } from './cli-error';

const NO_TERMINAL =
  'Your vaults are protected by your Keyhaven passphrase, and this command has no terminal to ask for it on ' +
  '(it never comes from arguments, the environment or stdin, which carry other things). ' +
  'Run the command in a terminal.';

/**
 * Asks for the Keyhaven passphrase on the controlling terminal (`/dev/tty`), not on stdin: stdin may be
 * carrying a key (`vault add`) or a template (`inject`), and a passphrase must not sit in a pipe, an
 * argument or an environment variable another process can read. No terminal: a clear refusal.
 */
export async function askPassphraseOnTerminal(prompt = 'Keyhaven passphrase (not shown): '): Promise<string> {
  const fd = openTerminal();
  const input = new ReadStream(fd);
  const output = new WriteStream(fd);
  try {
    // Echo goes off before the prompt shows, so nothing typed after it can appear on screen.
    input.setRawMode(true);
    output.write(prompt);
    return await readHiddenLine(input);
  } finally {
    output.write('\n');
    input.setRawMode(false);
    input.destroy();
    output.destroy();
    try {
      closeSync(fd);
    } catch {
      // The streams may have closed the descriptor already: nothing is left open either way.
    }
  }
}

function openTerminal(): number {
  if (process.platform === 'win32') throw new CliError('KEYCHAIN', NO_TERMINAL);
  try {
    return openSync('/dev/tty', 'r+');
  } catch {
    // ENXIO: no controlling terminal (a service, CI, a detached process).
    throw new CliError('KEYCHAIN', NO_TERMINAL);
  }
}

function readHiddenLine(input: ReadStream): Promise<string> {
  let typed = '';
  return new Promise((resolve, reject) => {
    input.on('data', (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return resolve(typed);
        if (char === '\u0003' || char === '\u0004')
          return reject(new CliError('USAGE', 'Cancelled; nothing was read.'));
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    });
    input.on('end', () => reject(new CliError('USAGE', 'Cancelled; nothing was read.')));
  });
}
