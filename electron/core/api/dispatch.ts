import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/errors';
import { CoreError } from '../errors';
import { InvalidRequestError, judgeError } from './error-judge';
import type { Handlers } from './handlers';

export type ErrorLogger = (line: string) => void;

const known = new Set<string>(CHANNELS);
export const isChannel = (name: string): name is Channel => known.has(name);

/**
 * Runs one request the way every transport must (Electron IPC in main, HTTP in the browser harness,
 * in-process in renderer tests): validate the input against the contract, call the handler, and turn
 * every outcome into a Result. Nothing throws across this boundary; what a failure may say is judged
 * in error-judge.ts, and only an unexpected one is logged (redacted, with the reference the user sees).
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  logError: ErrorLogger = (line) => console.error(line),
): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new CoreError('INVALID_INPUT', 'Unknown request.');
    const parsed = contract[channel].request.safeParse(rawInput ?? {});
    if (!parsed.success) throw new InvalidRequestError(parsed.error.issues);
    const handler = handlers[channel] as (input: unknown) => unknown;
    return { ok: true, value: await handler(parsed.data) };
  } catch (error) {
    const judged = judgeError(error, channel);
    if (!judged.expected) logError(judged.log);
    return { ok: false, error: judged.shown };
  }
}
