import { DEFAULT_VAULT_SETTINGS } from '../../../shared/domain/vault';
import { PartUnavailableError } from '../recovery/data-problem';
import type { Vaults } from './vaults';

/**
 * How long a copied secret stays on the clipboard: a vault setting, used by every Copy in main (issued
 * keys, verification values). Without vaults.json the default applies, so Copy still clears.
 */
export function clipboardClearSeconds(vaults: () => Vaults): number {
  try {
    return vaults().vaults.settings().clipboardClearSeconds;
  } catch (error) {
    if (error instanceof PartUnavailableError) return DEFAULT_VAULT_SETTINGS.clipboardClearSeconds;
    throw error;
  }
}
