import type { DueReminder } from '../core/keys/reminders';

export interface ExpiryNotifierOptions {
  takeDue: () => Promise<DueReminder[]>;
  /** Shows one desktop notification; clicking it should bring Keyhaven's window forward. */
  notify: (title: string, body: string) => void;
  log: (line: string) => void;
  everyMs?: number;
}

export const NOTIFIER_INTERVAL_MS = 60_000;

/** Words for one reminder: names and the public key label only, never a secret. */
export function reminderText(due: DueReminder): { title: string; body: string } {
  const label = `${due.key.keyPrefix}_${due.key.keyId}`;
  const when = due.key.expiresAt ? new Date(due.key.expiresAt).toLocaleString() : 'soon';
  return {
    title: due.reminder === '1d' ? 'An API key expires within a day' : 'An API key expires within 7 days',
    body: `"${due.key.name}" (${label}…) of ${due.appName} expires ${when}. Rotate it to keep the service working.`,
  };
}

/**
 * Checks for due expiry reminders at start and then every minute. The core marks each reminder as
 * given in the same commit that returns it, so a reminder is shown once even across restarts.
 */
export function startExpiryNotifier(options: ExpiryNotifierOptions): () => void {
  const check = (): void => {
    options
      .takeDue()
      .then((due) => {
        for (const reminder of due) {
          const { title, body } = reminderText(reminder);
          options.notify(title, body);
        }
      })
      .catch((error: unknown) =>
        options.log(`[keyhaven] expiry reminders failed: ${error instanceof Error ? error.name : 'error'}`),
      );
  };
  check();
  const timer = setInterval(check, options.everyMs ?? NOTIFIER_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
