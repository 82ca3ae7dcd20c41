import { useEffect, useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import type { KeysetStatus } from '../../../../shared/domain/keyset';
import { client, isFailure, type ApiFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Spinner } from '../../components/Loading';
import { KeysetPublishing } from './KeysetPublishing';
import { VerificationValues } from './VerificationValues';

/**
 * Settings → Verification: what a service needs to accept this app's keys offline (README "Verify keys
 * in your service"): two values for its environment and the signed keyset, exported or published.
 */
export function VerificationSettings({ app }: { app: App }) {
  const [status, setStatus] = useState<KeysetStatus | ApiFailure | null>(null);

  useEffect(() => {
    // Another app gets a fresh component (keyed by id in SettingsTab), so no stale status shows meanwhile.
    let current = true;
    void client.keysets.status({ appId: app.id }).then((result) => {
      if (current) setStatus(result);
    });
    return () => {
      current = false;
    };
  }, [app.id, app.keyset.sequence, app.keyset.publishError]);

  if (status === null)
    return (
      <p className="muted" role="status">
        <Spinner size={16} /> Reading this app’s signing key from the system keychain…
      </p>
    );
  if (isFailure(status))
    return (
      <Banner tone="danger" title="Verification settings are unavailable">
        <p>{status.message}</p>
      </Banner>
    );
  return (
    <div className="verification">
      {status.sharesSecretWith.length > 0 ? (
        <Banner tone="warning" role="note" title="This app shares its secret with older apps">
          <p>
            It was created before each app had its own secret, so its keys stay valid without rotation — and its secret
            also confirms keys of {status.sharesSecretWith.join(', ')}. Give a service of this app only keys it should
            accept, or move to a new app for a secret of its own.
          </p>
        </Banner>
      ) : null}
      <VerificationValues status={status} />
      <KeysetPublishing status={status} onChange={setStatus} />
    </div>
  );
}
