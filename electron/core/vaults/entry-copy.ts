import { headerLine } from '../../../shared/catalogs/service-presets';
import type { EntryCopyResult } from '../../../shared/domain/vault';
import type { ClipboardGuard } from './clipboard-guard';
import type { Vaults } from './vaults';

/**
 * Copy / Copy as header for a vault entry: the secret is opened and put on the clipboard in main, so
 * it never reaches the renderer; only the copy's id and the clearing delay go back.
 */
export function copyEntry(
  vaults: Vaults,
  clipboard: ClipboardGuard,
  entryId: string,
  format: 'value' | 'header',
): Promise<EntryCopyResult> {
  const { secret } = vaults.entries.reveal(entryId);
  const text = format === 'value' ? secret : headerLine(vaults.entries.get(entryId).scheme, secret);
  return clipboard.copy(text, vaults.vaults.settings().clipboardClearSeconds);
}
