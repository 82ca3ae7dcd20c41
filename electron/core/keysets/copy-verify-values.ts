import { VERIFY_ENV } from '../../../shared/domain/keyset';
import type { CopyResult } from '../../../shared/domain/vault';
import type { Core } from '../core';
import { clipboardClearSeconds } from '../vaults/clipboard-delay';

/**
 * Settings → Verification's Copy buttons: the secret, or both `.env` lines, put on the clipboard in
 * main (cleared after the vault setting's delay), so the secret reaches the page only when revealed.
 */
export async function copyVerifyValues(core: Core, appId: string, what: 'secret' | 'env'): Promise<CopyResult> {
  const { publicKey } = await core.keysets.status(appId);
  const secret = await core.keysets.revealSecret(appId, what === 'env' ? 'copied as .env lines' : 'copied');
  const text = what === 'secret' ? secret : `${VERIFY_ENV.publicKey}=${publicKey}\n${VERIFY_ENV.secret}=${secret}\n`;
  const { clearsAfterSeconds } = await core.clipboard.copy(
    text,
    clipboardClearSeconds(() => core.vaults),
  );
  return { clearsAfterSeconds };
}
