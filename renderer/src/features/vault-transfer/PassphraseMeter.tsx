import { passphraseStrength } from '../../../../shared/security/passphrase-strength';

const LEVELS = 5; // scores 0–4
const EMPTY_TEXT = 'Use at least 12 characters, or four or more words.';

/**
 * The passphrase's strength as five segments and the estimator's advice. role="meter" carries the
 * score and the advice for assistive technology; the advice is also the passphrase field's hint.
 */
export function PassphraseMeter({ passphrase }: { passphrase: string }) {
  const empty = passphrase.length === 0;
  const { score, feedback } = passphraseStrength(passphrase);
  const text = empty ? EMPTY_TEXT : feedback;
  return (
    <div className="passphrase-meter">
      <div
        role="meter"
        aria-label="Passphrase strength"
        aria-valuemin={0}
        aria-valuemax={LEVELS - 1}
        aria-valuenow={empty ? 0 : score}
        aria-valuetext={text}
        className={`passphrase-meter__bar passphrase-meter__bar--${empty ? 'empty' : score}`}
      >
        {Array.from({ length: LEVELS }, (_, i) => (
          <span key={i} className={`passphrase-meter__segment${!empty && i <= score ? ' is-on' : ''}`} />
        ))}
      </div>
      <p className="passphrase-meter__text">{text}</p>
    </div>
  );
}
