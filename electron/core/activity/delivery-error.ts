/**
 * activity.jsonl does not end where the committed records continue: it was shortened or rewritten
 * outside Keyhaven. Nothing is appended to it; the records stay committed in keyhaven.json, and the
 * chain check (check-chain.ts) tells the user what is missing.
 */
export class ActivityDeliveryError extends Error {
  constructor(
    readonly file: string,
    readonly fileEndsAt: number,
    readonly nextCommitted: number,
  ) {
    super(
      `${file} ends at record ${fileEndsAt}, but the next committed record is ${nextCommitted}: the log was changed outside Keyhaven, so nothing more is added to it. Run the activity check in Settings.`,
    );
    this.name = 'ActivityDeliveryError';
  }
}
