import type { ChildProcess } from 'node:child_process';

/**
 * The signals a wrapper passes on, so `keyhaven run` stands between a supervisor (a shell, systemd,
 * Docker, a CI runner) and the child without changing how the child is stopped, reloaded or resized.
 */
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGQUIT',
  'SIGUSR1',
  'SIGUSR2',
  'SIGWINCH',
];

/**
 * Sends each forwarded signal our process receives on to `child`, and returns the function that stops
 * doing so. While the handlers are installed our process no longer dies of SIGINT or SIGTERM itself:
 * the child decides what a signal means, and we exit with its code once it has gone.
 */
export function forwardSignals(child: ChildProcess): () => void {
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);
  return () => {
    for (const signal of FORWARDED_SIGNALS) process.off(signal, forward);
  };
}
