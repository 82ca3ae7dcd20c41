import { Download } from 'lucide-react';
import type { ApiFailure } from '../../api/client';
import type { VaultSummary } from '../../../../shared/domain/vault';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';

interface VaultNotesProps {
  vault: VaultSummary;
  /** The target of aria-describedby on every control a lock disables. */
  lockedHintId: string;
  /** A lock or unlock that failed for another reason than the keychain (those have their own banners). */
  failure: ApiFailure | null;
  onImport: () => void;
}

/** What a locked vault can and cannot do, a vault whose key is gone, and a failed lock or unlock. */
export function VaultNotes({ vault, lockedHintId, failure, onImport }: VaultNotesProps) {
  return (
    <>
      {vault.keyMissing ? (
        <Banner
          tone="danger"
          title={`The key of the vault "${vault.name}" is missing`}
          action={
            <Button size="sm" icon={Download} onClick={onImport}>
              Import
            </Button>
          }
        >
          <p>
            The key that unlocks “{vault.name}” is missing from this computer&apos;s keychain. Its entries are kept,
            unchanged, but cannot be opened here. Restore them by importing an export of this vault.
          </p>
        </Banner>
      ) : null}
      {failure ? (
        <Banner tone="danger" title="That did not work">
          <p>{failure.message}</p>
        </Banner>
      ) : null}
      {vault.locked ? (
        <p id={lockedHintId} className="vault-locked-note">
          This vault is locked. Its names and details stay visible; unlock it to show, copy, add or export keys.
        </p>
      ) : null}
    </>
  );
}
