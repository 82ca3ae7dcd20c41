import { useState, type FormEvent } from 'react';
import { GRACE_PERIODS, type GracePeriodId } from '../../../../shared/catalogs/expirations';
import type { VerifyScheme } from '../../../../shared/catalogs/header-schemes';
import type { IssuedKeySummary, RotatedKey } from '../../../../shared/domain/issued-key';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { RadioGroup, type RadioOption } from '../../components/RadioGroup';
import { publicKeyPart } from '../../lib/key-display';
import { formatAbsolute } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import { useApps } from '../../stores/apps-store';
import { useKeys } from '../../stores/keys-store';
import { keyRowElement } from './KeyRow';
import { useStoreKeyStep } from './use-store-key-step';

/** Grace periods that would outlive the key itself are offered, but disabled, with the reason. */
export function graceOptions(key: IssuedKeySummary, now: number): RadioOption<GracePeriodId>[] {
  const expiresAt = key.expiresAt === null ? Number.POSITIVE_INFINITY : Date.parse(key.expiresAt);
  return GRACE_PERIODS.map((grace) => {
    const tooLong = grace.ms > 0 && now + grace.ms > expiresAt;
    const note = `Not available: the key itself expires before then (${formatAbsolute(key.expiresAt ?? '')}).`;
    return { value: grace.id, label: grace.label, disabled: tooLong, ...(tooLong ? { note } : {}) };
  });
}

/** What happens to the current key with the grace period chosen, said before anything happens. */
export function oldKeyFate(grace: GracePeriodId, now: number): string {
  const period = GRACE_PERIODS.find((candidate) => candidate.id === grace);
  if (!period || period.ms === 0) return 'The current key stops working as soon as you rotate.';
  return `The current key keeps working for ${period.label} after you rotate (until about ${formatAbsolute(new Date(now + period.ms))}), then stops for good.`;
}

/** What the rotated key does now, shown above the new key. */
function OldKeyNote({ replaced }: { replaced: IssuedKeySummary }) {
  const now = useNow();
  const until = replaced.graceEndsAt && Date.parse(replaced.graceEndsAt) > now ? replaced.graceEndsAt : null;
  return (
    <Banner tone="info" role="note">
      <p>
        The old key <code>{`${publicKeyPart(replaced)}…`}</code>{' '}
        {until ? `keeps working until ${formatAbsolute(until)}, then stops for good.` : 'no longer works.'}
      </p>
    </Banner>
  );
}

/**
 * nexos.ai's Rotate: a confirmation with a grace period (as Stripe and Unkey offer), then the new key's
 * "Store your API key" step in the same dialog.
 */
export function RotateKeyDialog({
  target,
  headerScheme,
  onClose,
}: {
  target: IssuedKeySummary;
  /** The app's, for the new key's header line. */
  headerScheme: VerifyScheme;
  onClose: () => void;
}) {
  const [now] = useState(() => Date.now());
  const [grace, setGrace] = useState<GracePeriodId>('immediately');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [generated, setGenerated] = useState<RotatedKey | null>(null);
  const keysChanged = useKeys((s) => s.keysChanged);
  const refreshApps = useApps((s) => s.load);
  const store = useStoreKeyStep(generated, headerScheme, onClose);

  const rotate = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setFailure(null);
    const result = await client.keys.rotate({ id: target.id, grace });
    setBusy(false);
    if (isFailure(result)) return setFailure(result);
    keysChanged(result.replaced ? [result.replaced, result.key] : [result.key]); // summaries only
    void refreshApps();
    setGenerated(result);
  };

  if (generated) {
    return (
      <Dialog
        title="Rotate API key"
        size="lg"
        onClose={store.onClose}
        footer={store.footer}
        fallbackFocus={() => keyRowElement(generated.key.id)}
      >
        {generated.replaced ? <OldKeyNote replaced={generated.replaced} /> : null}
        {store.body}
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Rotate API key"
      size="lg"
      onClose={busy ? undefined : onClose}
      onSubmit={(event) => void rotate(event)}
      fallbackFocus={() => keyRowElement(target.id)}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={busy}>
            {busy ? 'Rotating…' : 'Rotate key'}
          </Button>
        </>
      }
    >
      <p>
        The current key “{target.name}” (<code>{`${publicKeyPart(target)}…`}</code>) will be replaced with a new key
        with the same name, scopes and expiration setting — regenerated, as Extracta says.
      </p>
      <p role="status" className="rotate-old-key">
        {oldKeyFate(grace, now)}
      </p>
      <RadioGroup
        legend="Keep the old key working for"
        name="grace"
        value={grace}
        options={graceOptions(target, now)}
        onChange={setGrace}
      />
      {failure ? (
        <Banner tone="danger" title="The API key was not rotated">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
    </Dialog>
  );
}
