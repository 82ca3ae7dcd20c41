import { ArrowLeft } from 'lucide-react';
import { useState } from 'react';
import type { App } from '../../../../shared/domain/app';
import type { GeneratedKey } from '../../../../shared/domain/issued-key';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { StepIndicator } from '../../components/StepIndicator';
import { useApps } from '../../stores/apps-store';
import { useKeys } from '../../stores/keys-store';
import { KeyDetailsStep } from './KeyDetailsStep';
import { ScopesStep } from './ScopesStep';
import { useKeyWizard } from './use-key-wizard';
import { useStoreKeyStep } from './use-store-key-step';

export const WIZARD_STEPS = ['Name and expiration', 'Select scopes', 'Store your API key'] as const;
/** An app with no scopes (atfinity, nexos.ai): name and expiration, Generate, the key. */
export const WIZARD_STEPS_WITHOUT_SCOPES = ['Name and expiration', 'Store your API key'] as const;

/**
 * The "Generate API key" wizard (Cerby): name and expiration → Next → Select scopes → Next → Store your
 * API key, in one dialog; without scopes, name and expiration → Generate → the key (nexos.ai). The generated key's plaintext lives only in this component's state: never in a store,
 * storage or the URL. Done (or unmounting) drops it.
 */
export function GenerateKeyDialog({ app, onClose }: { app: App; onClose: () => void }) {
  const [generated, setGenerated] = useState<GeneratedKey | null>(null);
  const keysChanged = useKeys((s) => s.keysChanged);
  const refreshApps = useApps((s) => s.load);

  const hasScopes = app.scopes.length > 0;
  const wizard = useKeyWizard(app.id, hasScopes, (result) => {
    setGenerated(result);
    keysChanged([result.key]); // the summary only: no plaintext
    void refreshApps(); // the key counts on the Apps list
  });
  const store = useStoreKeyStep(generated, app.headerScheme, () => {
    setGenerated(null);
    onClose();
  });

  const { step, submitting } = wizard;
  const steps = hasScopes ? WIZARD_STEPS : WIZARD_STEPS_WITHOUT_SCOPES;
  const current = generated ? steps.length - 1 : step === 'details' ? 0 : 1;
  const wizardFooter = (
    <>
      {step === 'scopes' ? (
        <Button icon={ArrowLeft} onClick={wizard.back} disabled={submitting} className="wizard__back">
          Back
        </Button>
      ) : null}
      <Button onClick={onClose} disabled={submitting}>
        Cancel
      </Button>
      <Button type="submit" variant="primary" busy={submitting}>
        {submitting ? 'Generating…' : hasScopes ? 'Next' : 'Generate'}
      </Button>
    </>
  );

  return (
    <Dialog
      title="Generate API key"
      size="lg"
      onClose={generated ? store.onClose : submitting ? undefined : onClose}
      onSubmit={generated ? undefined : wizard.submit}
      footer={generated ? store.footer : wizardFooter}
    >
      <StepIndicator steps={steps} current={current} />
      {generated ? store.body : null}
      {!generated && step === 'details' ? <KeyDetailsStep wizard={wizard} /> : null}
      {!generated && step === 'scopes' ? <ScopesStep wizard={wizard} catalog={app.scopes} /> : null}
    </Dialog>
  );
}
