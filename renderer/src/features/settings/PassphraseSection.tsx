import { KeySquare, Pencil, Trash2 } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { RelativeTime } from '../../components/RelativeTime';
import { useLockStatus } from '../../stores/lock-status-store';
import { PassphraseDialog } from '../vaults/PassphraseDialog';
import type { PassphraseMode } from '../vaults/passphrase-form';

const DONE: Record<PassphraseMode, string> = {
  set: 'Passphrase set. Unlock now asks for it.',
  change: 'Passphrase changed. Unlock now asks for the new one.',
  remove: 'Passphrase removed. Unlock no longer asks for one.',
};

/**
 * The Keyhaven passphrase: whether one is set, and Set, Change or Remove. It protects the vaults
 * against someone at this computer, or with a copy of its keychain, who is not you.
 */
export function PassphraseSection() {
  const status = useLockStatus((s) => s.status);
  const [dialog, setDialog] = useState<PassphraseMode | null>(null);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    void useLockStatus.getState().load();
  }, []);

  const setAt = status?.passphraseSetAt ?? null;
  return (
    <section className="global-settings__section" aria-labelledby="settings-passphrase">
      <h2 id="settings-passphrase" className="global-settings__title">
        Keyhaven passphrase
      </h2>
      <p className="muted">
        A passphrase Unlock asks for before any vault opens. Vault data keys are also wrapped under a key derived from
        it with scrypt; a copy of the keychain item alone no longer opens them. Keyhaven never stores the passphrase and
        cannot recover it.
      </p>
      {status ? (
        <div className="passphrase-settings">
          <p className="passphrase-settings__state">
            {setAt ? (
              <>
                On: Unlock asks for your passphrase. Set <RelativeTime iso={setAt} />.
              </>
            ) : status.protection === 'touch-id' ? (
              'Off: Unlock asks for Touch ID.'
            ) : (
              'Off: Unlock needs only your login to this computer.'
            )}
          </p>
          <div className="passphrase-settings__actions">
            {setAt ? (
              <>
                <Button icon={Pencil} onClick={() => setDialog('change')}>
                  Change passphrase…
                </Button>
                <Button icon={Trash2} onClick={() => setDialog('remove')}>
                  Remove passphrase…
                </Button>
              </>
            ) : (
              <Button icon={KeySquare} onClick={() => setDialog('set')}>
                Set a passphrase…
              </Button>
            )}
          </div>
        </div>
      ) : null}
      <p role="status" className="passphrase-settings__notice">
        {notice}
      </p>
      {dialog ? (
        <PassphraseDialog
          mode={dialog}
          onClose={() => setDialog(null)}
          onDone={(mode) => {
            setDialog(null);
            setNotice(DONE[mode]);
          }}
        />
      ) : null}
    </section>
  );
}
