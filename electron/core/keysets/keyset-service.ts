import { join } from 'node:path';
import type { App } from '../../../shared/domain/app';
import type { KeysetPublishingInput, KeysetStatus } from '../../../shared/domain/keyset';
import type { Keyset } from '../../../shared/verify/keyset';
import type { ActivityEvent } from '../activity/activity-event';
import { findApp } from '../apps/app-service';
import type { Clock } from '../clock';
import type { KeyhavenDb } from '../db/keyhaven-db';
import type { SealSource } from '../integrity/seal-source';
import type { KeySecrets } from '../keys/key-secrets';
import { keysetContents, signKeyset } from './keyset-contents';
import { checkedFolder, keysetText, publishProblem, writeKeysetFile } from './keyset-file';
import { importServiceUsage, type UsageImported } from './usage-import';

export const keysetFileName = (app: Pick<App, 'keyPrefix'>): string => `${app.keyPrefix}.keyset.json`;

/**
 * An app's keysets (issue 12): built from its key records, signed with its Ed25519 key from the
 * keychain, each with the next sequence number, committed before the bytes leave the process so two
 * keysets never share one. Exported on demand, or published: written atomically into a chosen folder
 * after every generate, rotate and revoke (IssuingService calls `afterKeysChanged`), and again before
 * half of its validity has passed (`refreshDue`, on the app's timer).
 */
export class KeysetService {
  /** The local test API's copy per app, rebuilt only when the keys change or it nears its end. */
  private readonly servedCopies = new Map<string, { contents: string; text: string; refreshAfterMs: number }>();

  constructor(
    private readonly db: KeyhavenDb,
    private readonly secrets: KeySecrets,
    private readonly seals: SealSource,
    private readonly clock: Clock,
    /** Where a failure with no caller to tell goes (the record of a failed publish could not be saved). */
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Publishes of one app, one after another in this process: a slower write never lands after a newer one. */
  private readonly publishing = new Map<string, Promise<unknown>>();

  async status(appId: string): Promise<KeysetStatus> {
    const { publicKey } = await this.secrets.secretsOf(appId);
    const data = this.db.snapshot();
    const app = findApp(data, appId);
    const sharing =
      app.keyHashing === 'folder' ? data.apps.filter((a) => a.keyHashing === 'folder' && a.id !== appId) : [];
    const { fileName, ...settings } = app.keyset;
    return {
      appId,
      ...settings,
      fileName: fileName ?? keysetFileName(app),
      publicKey,
      sharesSecretWith: sharing.map((a) => a.name).sort(),
    };
  }

  /**
   * The secret a service holds (KEYHAVEN_SECRET): the pepper the app's keys are hashed under, base64url.
   * Given only when the user asks (Show, Copy, `--env`), and recorded, never with the value.
   */
  async revealSecret(appId: string, how: string): Promise<string> {
    const secret = (await this.secrets.pepperOf(appId)).toString('base64url');
    await this.db.commit((data) => {
      const app = findApp(data, appId);
      return {
        ops: [],
        result: null,
        activity: [{ type: 'app.secretShown', appId, summary: `Verification secret of "${app.name}" ${how}` }],
      };
    });
    return secret;
  }

  /** A service's usage file (its verifier's `usageFile`): Last used, use counts and activity of its keys. */
  importUsage(text: string): Promise<UsageImported> {
    return importServiceUsage(this.db, text, this.clock.now());
  }

  /** Export once: the keyset's text, with the next sequence number. */
  async export(appId: string, where = 'exported'): Promise<string> {
    return keysetText(
      await this.build(appId, false, (app, keyset) => [
        {
          type: 'keyset.published',
          appId: app.id,
          summary: `Keyset of "${app.name}" ${where} (sequence ${keyset.sequence}, ${describeCounts(keyset)})`,
        },
      ]),
    );
  }

  /** Where to publish (null: stop) and for how long a keyset stays valid; publishes at once. */
  async configure(input: KeysetPublishingInput): Promise<KeysetStatus> {
    const publishTo =
      input.publishTo === undefined ? undefined : input.publishTo && (await checkedFolder(input.publishTo));
    await this.db.commit((data) => {
      const app = findApp(data, input.appId);
      const keyset = {
        ...app.keyset,
        ...(publishTo !== undefined
          ? { publishTo, publishError: null, fileName: publishTo === null ? null : keysetFileName(app) }
          : {}),
        ...(input.validDays !== undefined ? { validDays: input.validDays } : {}),
      };
      const changes = [
        publishTo === undefined || publishTo === app.keyset.publishTo
          ? null
          : publishTo === null
            ? 'no longer published'
            : `published to ${join(publishTo, keysetFileName(app))}`,
        input.validDays === undefined || input.validDays === app.keyset.validDays
          ? null
          : `valid for ${input.validDays} day${input.validDays === 1 ? '' : 's'}`,
      ].filter((change) => change !== null);
      const activity: ActivityEvent[] =
        changes.length === 0
          ? []
          : [{ type: 'keyset.published', appId: app.id, summary: `Keyset of "${app.name}": ${changes.join('; ')}` }];
      return { ops: [{ type: 'app.patch', appId: app.id, patch: { keyset } }], result: null, activity };
    });
    await this.republish(input.appId);
    return this.status(input.appId);
  }

  /** After a generate, rotate, revoke or scope removal: rewrites the published file, if any. */
  async afterKeysChanged(appId: string): Promise<void> {
    this.servedCopies.delete(appId);
    await this.republish(appId);
  }

  /** A published keyset past half of its validity is signed again, so a service never holds an expired one. */
  async refreshDue(): Promise<void> {
    const nowMs = this.clock.now().getTime();
    for (const app of this.db.snapshot().apps) {
      const { publishTo, publishedAt, validDays } = app.keyset;
      if (publishTo === null) continue;
      const dueMs = publishedAt === null ? 0 : Date.parse(publishedAt) + (validDays * 86_400_000) / 2;
      if (dueMs <= nowMs) await this.republish(app.id);
    }
  }

  /**
   * Writes the keyset into the app's publishing folder, atomically (a service reading it sees the old
   * file or the new one). A failure never fails the change that caused it: it is kept on the app, for
   * Settings → Verification and the command line to show, until a write succeeds.
   */
  republish(appId: string): Promise<KeysetStatus['publishError']> {
    const previous = this.publishing.get(appId) ?? Promise.resolve();
    const next = previous.then(() => this.publishNow(appId));
    const settled = next.catch(() => undefined);
    this.publishing.set(appId, settled);
    void settled.then(() => {
      if (this.publishing.get(appId) === settled) this.publishing.delete(appId);
    });
    return next;
  }

  private async publishNow(appId: string): Promise<KeysetStatus['publishError']> {
    const app = findApp(this.db.snapshot(), appId);
    const folder = app.keyset.publishTo;
    if (folder === null) return null;
    let problem: string | null = null;
    try {
      const keyset = await this.build(appId, true, () => []);
      await writeKeysetFile(folder, app.keyset.fileName ?? keysetFileName(app), keyset);
    } catch (error) {
      problem = publishProblem(error, folder);
    }
    if (problem !== app.keyset.publishError) {
      try {
        await this.db.commit((data) => {
          const current = findApp(data, appId);
          return {
            ops: [{ type: 'app.patch', appId, patch: { keyset: { ...current.keyset, publishError: problem } } }],
            result: null,
          };
        });
      } catch (error) {
        // The change that caused this publish is saved; not saving why the publish failed must not undo it.
        this.onError(error);
      }
    }
    return problem;
  }

  /** `GET /v1/keyset` of the local test API: the same keyset while the app's keys stay as they are. */
  async forTestApi(appId: string): Promise<{ text: string; sequence: number }> {
    const sealer = this.seals.loaded ?? (await this.seals.sealer());
    const now = this.clock.now();
    const contents = JSON.stringify(keysetContents(this.db.snapshot().keys, appId, sealer, now));
    const cached = this.servedCopies.get(appId);
    if (cached && cached.contents === contents && cached.refreshAfterMs > now.getTime()) {
      return { text: cached.text, sequence: (JSON.parse(cached.text) as Keyset).sequence };
    }
    const keyset = await this.build(appId, false, () => []);
    const halfLife = (Date.parse(keyset.validUntil) - Date.parse(keyset.issuedAt)) / 2;
    this.servedCopies.set(appId, { contents, text: keysetText(keyset), refreshAfterMs: now.getTime() + halfLife });
    return { text: keysetText(keyset), sequence: keyset.sequence };
  }

  /** Signs the app's keyset with the next sequence, committed (with `activity`) in the same step. */
  private async build(
    appId: string,
    published: boolean,
    activity: (app: App, keyset: Keyset) => ActivityEvent[],
  ): Promise<Keyset> {
    const { signingKey } = await this.secrets.secretsOf(appId);
    const sealer = this.seals.loaded ?? (await this.seals.sealer());
    const now = this.clock.now();
    return this.db.commit((data) => {
      const app = findApp(data, appId);
      // Also at least the time in ms: a data folder restored from a backup never reissues a sequence a
      // service has already seen (it would refuse every keyset after it as older).
      const sequence = Math.max(app.keyset.sequence + 1, now.getTime());
      const contents = keysetContents(data.keys, appId, sealer, now);
      const keyset = signKeyset(
        { app, sequence, issuedAt: now, validDays: app.keyset.validDays },
        contents,
        signingKey,
      );
      const settings = { ...app.keyset, sequence, ...(published ? { publishedAt: now.toISOString() } : {}) };
      return {
        ops: [{ type: 'app.patch', appId, patch: { keyset: settings } }],
        result: keyset,
        activity: activity(app, keyset),
      };
    });
  }
}

const describeCounts = (keyset: Keyset): string =>
  `${keyset.keys.length} key${keyset.keys.length === 1 ? '' : 's'}, ${keyset.revoked.length} revoked` +
  (keyset.disabled ? `, ${keyset.disabled.length} disabled` : '');
