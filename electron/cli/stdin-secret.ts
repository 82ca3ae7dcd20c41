import { CliError } from './cli-error';

/**
 * A key from stdin, never from the arguments (other users see those in the process list, and shells
 * keep them in history). Piped: everything until EOF, surrounding whitespace trimmed. At a terminal:
 * a prompt on stderr and typing that is not echoed, as `passwd` and `op` do.
 */
export async function readSecretFromStdin(what: string, stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const text = stdin.isTTY ? await readHidden(what, stdin) : await readStdinText(stdin);
  const secret = text.trim();
  if (secret === '') throw new CliError('USAGE', `No ${what} on stdin: pipe it in, e.g. printf %s "$KEY" | keyhaven …`);
  return secret;
}

/** All of stdin, until it is closed (a template for `inject`, a piped key). */
export async function readStdinText(stdin: NodeJS.ReadStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function readHidden(what: string, stdin: NodeJS.ReadStream): Promise<string> {
  process.stderr.write(`Paste the ${what} and press Enter (it is not shown): `);
  stdin.setRawMode(true);
  stdin.resume();
  let typed = '';
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(() => resolve(typed));
        if (char === '\u0003' || char === '\u0004')
          return finish(() => reject(new CliError('USAGE', 'Cancelled; nothing was changed.')));
        typed = char === '\u007f' || char === '\b' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}
