import { EXPIRATION_PRESETS, presetExpiry } from '../../../../shared/catalogs/expirations';
import { formatAbsolute } from '../../lib/time';
import { useNow } from '../../lib/use-now';
import type { ExpirationChoice } from './expiration-choice';

const COUNTS_FROM = 'A preset counts from the moment the key is generated.';

/**
 * The hint under "Expiration time": for a preset, the exact end it gives a key generated now ("1 day —
 * until 4 Dec 2026, 14:05 CET"), kept current while the wizard is open; for Custom and Never, how
 * presets count. Its own clock, so only this line re-renders.
 */
export function PresetEnd({ choice }: { choice: ExpirationChoice }) {
  const preset = EXPIRATION_PRESETS.find((p) => p.id === choice);
  if (!preset) return COUNTS_FROM;
  return <PresetEndLine id={preset.id} label={preset.label} />;
}

function PresetEndLine({ id, label }: { id: (typeof EXPIRATION_PRESETS)[number]['id']; label: string }) {
  const now = useNow(5_000);
  return `${label} — until ${formatAbsolute(presetExpiry(id, new Date(now)))} if generated now. ${COUNTS_FROM}`;
}
