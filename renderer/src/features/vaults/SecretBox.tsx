import { Eye, EyeOff } from 'lucide-react';
import { Button } from '../../components/Button';
import { MASKED_DOTS } from '../../lib/key-display';
import type { useReveal } from './use-reveal';

interface SecretBoxProps {
  reveal: ReturnType<typeof useReveal>;
  /** Names the value for assistive technology: "Key of Pyas prod", "Version 1 of Pyas prod". */
  label: string;
  /** Why Show is disabled while the vault is locked. */
  lockedHintId?: string;
  /** Added to the buttons' names where several boxes share a dialog: "Show version 1". */
  subject?: string;
}

/**
 * A secret in a monospace box: dots until Show, the value after (selectable, one line, scrolls), and
 * Hide. While masked, the value is not in the document at all.
 */
export function SecretBox({ reveal, label, lockedHintId, subject }: SecretBoxProps) {
  const shown = reveal.value !== null;
  const named = (action: string) => (subject ? `${action} ${subject}` : undefined);
  return (
    <div className="secret-box">
      <div className="secret-box__frame">
        {shown ? (
          <code className="secret-box__value" aria-label={label} data-testid="secret-value">
            {reveal.value}
          </code>
        ) : (
          <code className="secret-box__value secret-box__value--masked">
            <span aria-hidden="true">{'•'.repeat(MASKED_DOTS)}</span>
            <span className="visually-hidden">{label} is hidden</span>
          </code>
        )}
        {shown ? (
          <Button size="sm" icon={EyeOff} aria-label={named('Hide')} onClick={reveal.hide}>
            Hide
          </Button>
        ) : (
          <Button
            size="sm"
            icon={Eye}
            busy={reveal.busy}
            disabled={reveal.locked}
            aria-label={named('Show')}
            aria-describedby={reveal.locked ? lockedHintId : undefined}
            onClick={() => void reveal.show()}
          >
            Show
          </Button>
        )}
      </div>
      {reveal.failure ? (
        <p role="alert" className="text-field__error">
          {reveal.failure.message}
        </p>
      ) : null}
    </div>
  );
}
