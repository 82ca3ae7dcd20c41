import { useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import type { GeneratedKey } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useApps } from '../../stores/apps-store';
import { useKeys } from '../../stores/keys-store';
import { NameKeyStep } from './NameKeyStep';
import { StoreKeyStep } from './StoreKeyStep';
import { useGenerateKeyForm } from './use-generate-key';

/**
 * The "Generate API key" wizard. The generated key's plaintext lives only in this component's state:
 * never in a store, storage or the URL. Done (or unmounting) drops it.
 */
export function GenerateKeyDialog({ app, onClose }: { app: App; onClose: () => void }) {
  const [generated, setGenerated] = useState<GeneratedKey | null>(null);
  const keyAdded = useKeys((s) => s.keyAdded);
  const refreshApps = useApps((s) => s.load);

  const { form, submit, submitting, failure, failureRef } = useGenerateKeyForm(app.id, (result) => {
    setGenerated(result);
    keyAdded(result.key); // the summary only: no plaintext
    void refreshApps(); // the key count on the Apps list
  });

  const done = () => {
    setGenerated(null);
    onClose();
  };

  if (generated) {
    // No Escape and no close button here: closing loses the key for good, so only Done closes.
    return (
      <Dialog
        title="Generate API key"
        size="lg"
        footer={
          <Button variant="primary" onClick={done}>
            Done
          </Button>
        }
      >
        <StoreKeyStep generated={generated} />
      </Dialog>
    );
  }

  return (
    <Dialog
      title="Generate API key"
      size="lg"
      onClose={submitting ? undefined : onClose}
      onSubmit={(event) => void submit(event)}
      footer={
        <>
          <Button onClick={onClose} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" variant="primary" busy={submitting}>
            {submitting ? 'Generating…' : 'Generate'}
          </Button>
        </>
      }
    >
      <NameKeyStep form={form} failure={failure} failureRef={failureRef} />
    </Dialog>
  );
}
