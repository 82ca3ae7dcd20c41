/**
 * A small passphrase estimator for export files: length and character variety, with a denylist of
 * the passwords tried first by every cracker. Deliberately simple (no dictionary download); scrypt
 * makes each guess cost ~0.3 s, so score 2 (12+ mixed characters, or a long phrase) is the floor.
 */
const COMMON = new Set([
  'password',
  'password1',
  'password123',
  '123456',
  '12345678',
  '123456789',
  '1234567890',
  'qwerty',
  'qwerty123',
  'letmein',
  'welcome',
  'admin',
  'iloveyou',
  'monkey',
  'dragon',
  'football',
  'abc123',
  'sunshine',
  'keyhaven',
  'changeme',
  'passw0rd',
  'trustno1',
]);

export interface PassphraseStrength {
  score: 0 | 1 | 2 | 3 | 4;
  feedback: string;
}

export const MIN_EXPORT_SCORE = 2;

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const length = [...passphrase].length;
  if (COMMON.has(passphrase.toLowerCase().replace(/[^a-z0-9]/g, '')) || /^(.)\1*$/.test(passphrase)) {
    return { score: 0, feedback: 'This passphrase is among the first ones guessed. Choose another.' };
  }
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(passphrase)).length;
  const words = passphrase.trim().split(/\s+/).length;
  let score: PassphraseStrength['score'];
  if (length < 8) score = 0;
  else if (length < 12) score = classes >= 3 ? 2 : 1;
  else if (length < 16)
    score = classes >= 3 ? 3 : classes === 2 ? 2 : 1; // one class: likely a word
  else score = classes >= 2 || words >= 4 ? 4 : 3;
  const feedback = [
    'Too weak: use at least 12 characters, or four or more words.',
    'Weak: make it longer, or mix letters, digits and symbols.',
    'Fair: a longer passphrase would be stronger.',
    'Strong.',
    'Very strong.',
  ][score]!;
  return { score, feedback };
}
