import { useEffect, useState } from 'react';
import { client, isFailure } from '../../api/client';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { useLockStatus } from '../../stores/lock-status-store';
import { PassphraseDialog } from './PassphraseDialog';

/**
 * The first-run offer of a Keyhaven passphrase, made once: "Not now" and setting one both record the
 * answer (settings.passphraseOffered), so it never comes back. Settings keeps the way to set one later.
 */
export function PassphraseOffer() {
  const [offered, setOffered] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [setting, setSetting] = useState(false);
  const [done, setDone] = useState(false);
  const protectedAlready = useLockStatus((s) => s.status?.protection === 'passphrase');

  useEffect(() => {
    let live = true;
    void client.vaults.settings().then((result) => {
      // Unreadable settings (vaults.json unavailable): the screen says so; no offer on top of it.
      if (live) setOffered(isFailure(result) ? true : result.passphraseOffered);
    });
    return () => {
      live = false;
    };
  }, []);

  const notNow = async () => {
    const result = await client.vaults.updateSettings({ passphraseOffered: true });
    if (isFailure(result)) setProblem(result.message);
    else setOffered(true);
  };

  // The dialog outlives the offer: setting the passphrase makes the offer moot before the dialog closes.
  const offering = offered === false && !protectedAlready && !done;
  return (
    <>
      {done ? (
        <Banner tone="info" role="status" className="vaults__banner">
          <p>Passphrase set. Unlock now asks for it.</p>
        </Banner>
      ) : null}
      {offering ? (
        <Banner
          tone="info"
          role="note"
          title="Protect your vaults with a Keyhaven passphrase"
          className="vaults__banner passphrase-offer"
          action={
            <>
              <Button size="sm" variant="primary" onClick={() => setSetting(true)}>
                Set a passphrase…
              </Button>
              <Button size="sm" onClick={() => void notNow()}>
                Not now
              </Button>
            </>
          }
        >
          <p>
            Unlock would then ask for it, and a copy of your keychain item alone would no longer open your vaults. You
            can set one later in Settings.
          </p>
          {problem ? <p role="alert">{problem}</p> : null}
        </Banner>
      ) : null}
      {setting ? (
        <PassphraseDialog
          mode="set"
          onClose={() => setSetting(false)}
          onDone={() => {
            setSetting(false);
            setOffered(true);
            setDone(true);
          }}
        />
      ) : null}
    </>
  );
}
