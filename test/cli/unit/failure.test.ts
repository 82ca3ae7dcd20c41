import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError, EXIT } from '../../../electron/cli/cli-error';
import { describeFailure, type Failure } from '../../../electron/cli/failure';
import { buildProgram } from '../../../electron/cli/program';
import { CoreError } from '../../../electron/core/errors';
import { KeychainUnavailableError } from '../../../electron/core/keychain/keychain';
import { formatKey } from '../../../electron/core/keys/key-format';
import { parseSecretReference } from '../../../shared/domain/secret-reference';

/** A Keyhaven-shaped key: `<prefix>_<keyId>.<random><checksum>`. */
const issuedKey = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,15}$/),
    fc.stringMatching(/^[0-9A-Za-z]{8}$/),
    fc.stringMatching(/^[0-9A-Za-z]{32}$/),
  )
  .map(([prefix, keyId, random]) => formatKey(prefix, keyId, random));
/** A long opaque token, as other services issue them (Stripe, GitHub, OpenAI…). */
const longToken = fc
  .tuple(fc.constantFrom('', 'sk_live_', 'ghp_', 'sk-proj-', 'xoxb-'), fc.stringMatching(/^[0-9A-Za-z]{24,64}$/))
  .map(([head, body]) => `${head}${body}`);
const secretValue = fc.oneof(issuedKey, longToken);

/** The failure a real parse of `keyhaven <args>` ends with (commander's own errors). */
async function parseFailure(args: readonly string[]): Promise<unknown> {
  const { program } = await buildProgram('0.0.0-test', args);
  try {
    await program.parseAsync(['node', 'keyhaven', ...args]);
  } catch (error) {
    return error;
  }
  throw new Error(`keyhaven ${args.join(' ')} did not fail`);
}

function expectOneCleanLine(failure: Failure, secret: string): void {
  expect(failure.line.startsWith('keyhaven: ')).toBe(true);
  expect(failure.line).not.toMatch(/[\r\n]/);
  expect(failure.line).not.toContain(secret);
}

describe('describeFailure', () => {
  it('keeps Keyhaven’s own words and maps codes to exit codes', () => {
    expect(describeFailure(new CliError('USAGE', 'Bad flag.'), false)).toEqual({
      line: 'keyhaven: Bad flag.',
      exitCode: EXIT.USAGE,
    });
    expect(describeFailure(new CoreError('NOT_FOUND', 'No vault named "X".'), false)).toEqual({
      line: 'keyhaven: No vault named "X".',
      exitCode: EXIT.NOT_FOUND,
    });
    expect(describeFailure(new CoreError('CONFLICT', 'Taken.'), false).exitCode).toBe(EXIT.CONFLICT);
    expect(describeFailure(new CoreError('TAMPERED', 'Altered.'), false).exitCode).toBe(EXIT.DATA);
    expect(describeFailure(new KeychainUnavailableError('No keychain.'), false).exitCode).toBe(EXIT.KEYCHAIN);
    expect(describeFailure(new CoreError('LOCKED', 'Locked.'), false).exitCode).toBe(EXIT.KEYCHAIN);
  });

  it('puts a multi-line message on one line', () => {
    const failure = describeFailure(new CliError('USAGE', 'First line.\n   second line.\n'), false);
    expect(failure.line).toBe('keyhaven: First line. second line.');
  });

  it('an unforeseen error is INTERNAL (70), with a reference and details only in debug', () => {
    const quiet = describeFailure(new TypeError('undefined is not a function'), false);
    expect(quiet.exitCode).toBe(EXIT.INTERNAL);
    expect(quiet.line).toMatch(/reference [0-9a-f]{8}/);
    expect(quiet.line).toContain('KEYHAVEN_DEBUG=1');
    expect(quiet.line).not.toContain('undefined is not a function');
    const loud = describeFailure(new TypeError('undefined is not a function'), true);
    expect(loud.line).toContain('undefined is not a function');
    expect(loud.line).not.toMatch(/\n/);
  });

  it('rewords commander’s failures: unknown option, unknown command, too many arguments', async () => {
    const option = describeFailure(await parseFailure(['vault', 'ls', '--frobnicate']), false);
    expect(option).toEqual({ line: 'keyhaven: unknown option --frobnicate. See --help.', exitCode: EXIT.USAGE });
    const command = describeFailure(await parseFailure(['teleport']), false);
    expect(command).toEqual({ line: 'keyhaven: unknown command. See keyhaven --help.', exitCode: EXIT.USAGE });
    const extra = describeFailure(await parseFailure(['vault', 'ls', 'surplus']), false);
    expect(extra.exitCode).toBe(EXIT.USAGE);
    expect(extra.line).toMatch(/pipe it on stdin/);
  });

  it('never echoes a key or long token in any of Keyhaven’s own messages (property)', () => {
    fc.assert(
      fc.property(secretValue, fc.boolean(), (secret, debug) => {
        for (const error of [
          new CliError('USAGE', `--expires takes 1h, not "${secret}".`),
          new CoreError('NOT_FOUND', `No vault named "${secret}".`),
          new CoreError('INVALID_INPUT', `Bad value:\n${secret}\n`),
          new KeychainUnavailableError(`keychain said ${secret}`),
          new Error(`boom: ${secret}`),
          new TypeError(`Cannot read ${secret}`),
        ])
          expectOneCleanLine(describeFailure(error, debug), secret);
      }),
      { numRuns: 200 },
    );
  });

  it('never echoes a key or long token in a malformed reference (property)', () => {
    fc.assert(
      fc.property(secretValue, fc.constantFrom('kh://', 'kh:/', 'kh://Personal/', ''), (secret, head) => {
        let error: unknown = null;
        try {
          parseSecretReference(`${head}${secret}${head === 'kh://Personal/' ? '/nope' : ''}`);
        } catch (caught) {
          error = caught;
        }
        expect(error).not.toBeNull();
        const failure = describeFailure(error, false);
        expect(failure.exitCode).toBe(EXIT.USAGE);
        expectOneCleanLine(failure, secret);
      }),
      { numRuns: 200 },
    );
  });

  it('never echoes a key or long token typed as an option value or an argument (property)', async () => {
    await fc.assert(
      fc.asyncProperty(secretValue, async (secret) => {
        for (const args of [
          ['vault', 'add', 'Personal', '--name', 'X', `--token=${secret}`],
          ['vault', 'add', 'Personal', '--name', 'X', `--api-key=${secret}`],
          ['vault', 'add', 'Personal', '--name', 'X', secret],
          ['read', 'kh://Personal/X', secret],
          ['keys', 'verify', secret],
          [secret],
        ]) {
          const failure = describeFailure(await parseFailure(args), false);
          expect(failure.exitCode).toBe(EXIT.USAGE);
          expectOneCleanLine(failure, secret);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('does not echo a short key typed as an extra argument either', async () => {
    // A 16-hex-character key is neither key-shaped nor long enough for the redactor: only the
    // wording can keep it out of the line that tells the user keys do not belong in arguments.
    const shortKey = 'a3f9c2e81b7d4e60';
    const failure = describeFailure(await parseFailure(['vault', 'add', 'Personal', '--name', 'X', shortKey]), false);
    expect(failure.exitCode).toBe(EXIT.USAGE);
    expectOneCleanLine(failure, shortKey);
  });
});
