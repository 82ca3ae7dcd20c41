import { Copy } from 'lucide-react';
import { useId, useRef } from 'react';
import type { TeamIdentityView } from '../../../../shared/domain/team-link';
import { Button } from '../../components/Button';
import { useCopyText } from '../settings/copy-text';

/**
 * Your member line (public: your age recipient, signing key and name) with Copy, and your fingerprint
 * to read out on a call, so a teammate can check the line they got is yours before adding it.
 */
export function MemberLine({ identity, label = 'Your member line' }: { identity: TeamIdentityView; label?: string }) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const { notice, copy } = useCopyText();
  return (
    <div className="text-field team-member-line">
      <label htmlFor={id} className="text-field__label">
        {label}
      </label>
      <div className="team-member-line__row">
        <input
          id={id}
          ref={field}
          className="text-field__input text-field__input--readonly team-member-line__input"
          value={identity.line}
          readOnly
          spellCheck={false}
          aria-describedby={`${id}-fingerprint`}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button icon={Copy} onClick={() => void copy(identity.line, field.current, 'your member line')}>
          Copy
        </Button>
      </div>
      <p id={`${id}-fingerprint`} className="muted team-member-line__fingerprint">
        {identity.name} · fingerprint <span className="team-fingerprint">{identity.fingerprint}</span>
      </p>
      <p
        role="status"
        className={`team-copy-notice${notice?.outcome === 'selected' ? ' team-copy-notice--selected' : ''}`}
      >
        {notice?.text ?? ''}
      </p>
    </div>
  );
}
