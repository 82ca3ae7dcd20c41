import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import type { App } from '../../../shared/domain/app';
import { CoreError } from '../errors';
import type { Keychain } from '../keychain/keychain';

const PEPPER_BYTES = 32;

/**
 * One keychain item per app (issue 12), so a keychain that asks before each item asks once per app:
 * the app's own pepper (apps created since per-app secrets; null for an app hashed under the folder's
 * pepper) and the Ed25519 key its keysets are signed with. Named after the data folder's installation
 * id, as the folder pepper is, so two data folders never share an item.
 */
export const appSecretsAccount = (installationId: string, appId: string): string => `app:${installationId}:${appId}`;

interface StoredAppSecrets {
  v: 1;
  /** base64; null when the app's keys are hashed under the folder's pepper. */
  pepper: string | null;
  /** PKCS#8 DER, base64. */
  signingKey: string;
}

export interface AppSecrets {
  /** The app's own pepper, or null for an app hashed under the folder's. */
  pepper: Buffer | null;
  signingKey: KeyObject;
  /** The raw 32-byte Ed25519 public key, base64url: what a service sets as KEYHAVEN_PUBLIC_KEY. */
  publicKey: string;
}

function newStored(withPepper: boolean): StoredAppSecrets {
  const { privateKey } = generateKeyPairSync('ed25519');
  return {
    v: 1,
    pepper: withPepper ? randomBytes(PEPPER_BYTES).toString('base64') : null,
    signingKey: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

function decode(text: string): AppSecrets | null {
  try {
    const stored = JSON.parse(text) as Partial<StoredAppSecrets>;
    if (stored.v !== 1 || typeof stored.signingKey !== 'string') return null;
    const pepper = typeof stored.pepper === 'string' ? Buffer.from(stored.pepper, 'base64') : null;
    if (pepper !== null && pepper.length !== PEPPER_BYTES) return null;
    const signingKey = createPrivateKey({
      key: Buffer.from(stored.signingKey, 'base64'),
      format: 'der',
      type: 'pkcs8',
    });
    if (signingKey.asymmetricKeyType !== 'ed25519') return null;
    const jwk = createPublicKey(signingKey).export({ format: 'jwk' });
    if (typeof jwk.x !== 'string') return null;
    return { pepper, signingKey, publicKey: jwk.x };
  } catch {
    return null;
  }
}

/** Made with a new app, before it is committed, so no key of it can exist without its pepper. */
export async function createAppSecrets(keychain: Keychain, installationId: string, appId: string): Promise<void> {
  await keychain.set(appSecretsAccount(installationId, appId), JSON.stringify(newStored(true)));
}

/**
 * The app's secrets. An app hashed under the folder's pepper (from before per-app secrets) gets its
 * signing key on first need. An app with its own pepper whose item is gone while it has keys is
 * refused, as the folder pepper is (pepper.ts): a new pepper would silently fail every key.
 */
export async function loadAppSecrets(
  keychain: Keychain,
  installationId: string,
  app: Pick<App, 'id' | 'keyHashing'>,
  hasKeys: boolean,
): Promise<AppSecrets> {
  const account = appSecretsAccount(installationId, app.id);
  const text = await keychain.get(account);
  const ownPepper = app.keyHashing === 'app';
  if (text !== null) {
    const secrets = decode(text);
    if (secrets === null || (ownPepper && secrets.pepper === null)) throw missing('is damaged');
    return secrets;
  }
  if (ownPepper && hasKeys) throw missing('is missing');
  await keychain.set(account, JSON.stringify(newStored(ownPepper)));
  // Read back: when two processes make the item at the same moment, both go on with the one that stayed.
  const kept = await keychain.get(account);
  const secrets = kept === null ? null : decode(kept);
  if (secrets === null) throw missing('could not be stored');
  return secrets;
}

function missing(state: string): CoreError {
  return new CoreError(
    'KEYCHAIN_DATA_MISSING',
    `This app's secret ${state} in the system keychain. This happens when a data folder is copied from another computer or the keychain was reset. Its keys cannot be verified here; nothing was changed.`,
  );
}
