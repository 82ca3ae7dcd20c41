import { onTestFinished, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { VaultSummary } from '../../../shared/domain/vault';

/** A vault of the real core by name (the default one is "Personal"). */
export function vaultNamed(core: Core, name: string): VaultSummary {
  const vault = core.vaults.vaults.listVaults().find((v) => v.name === name);
  if (!vault) throw new Error(`no vault named ${name}`);
  return vault;
}

/** External entries added through the core: `{ Alpha: 'secret-a' }`. */
export async function addEntries(core: Core, vaultId: string, secrets: Record<string, string>): Promise<void> {
  for (const [name, secret] of Object.entries(secrets)) await core.vaults.entries.addEntry({ vaultId, name, secret });
}

/** Name → current secret of every entry in a vault, read back through the core. */
export function secretsOf(core: Core, vaultId: string): Record<string, string> {
  const entries = core.vaults.entries.listEntries(vaultId);
  return Object.fromEntries(entries.map((e) => [e.name, core.vaults.entries.reveal(e.id).secret]));
}

/** An export made by the core with a cheap scrypt cost (N=1024), for seeding import tests quickly. */
export async function fastExport(core: Core, vaultId: string, passphrase: string): Promise<string> {
  const { file } = await core.vaults.transfer.exportVault(vaultId, passphrase, { scryptN: 1024 });
  return file.toString('utf8');
}

export const exportFile = (contents: string, name = 'team.khvault') =>
  new File([contents], name, { type: 'application/octet-stream' });

/**
 * jsdom's Blob has no text(); the import dialog reads the chosen file with it (as Chromium does), and
 * tests read the downloaded Blob with it. Installed for one test, through jsdom's own FileReader.
 */
export function installBlobText(): void {
  if ('text' in Blob.prototype) return;
  Object.defineProperty(Blob.prototype, 'text', {
    configurable: true,
    value(this: Blob) {
      return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error ?? new Error('read failed'));
        reader.readAsText(this);
      });
    },
  });
  onTestFinished(() => {
    delete (Blob.prototype as { text?: unknown }).text;
  });
}

export interface Download {
  fileName: string;
  href: string;
  blob: Blob;
}

/**
 * Captures what the page saves with a blob URL and `<a download>` (jsdom has no createObjectURL and
 * cannot navigate): each download's name and Blob, and which URLs were revoked.
 */
export function captureDownloads(): { downloads: Download[]; revoked: string[] } {
  const blobs = new Map<string, Blob>();
  const downloads: Download[] = [];
  const revoked: string[] = [];
  let next = 0;
  const urlStatics = URL as unknown as Record<string, unknown>;
  const saved = { create: urlStatics.createObjectURL, revoke: urlStatics.revokeObjectURL };
  urlStatics.createObjectURL = (blob: Blob) => {
    const url = `blob:keyhaven-test/${next++}`;
    blobs.set(url, blob);
    return url;
  };
  urlStatics.revokeObjectURL = (url: string) => {
    revoked.push(url);
  };
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob || revoked.includes(this.href)) throw new Error(`clicked a link to no live blob: ${this.href}`);
    downloads.push({ fileName: this.download, href: this.href, blob });
  });
  onTestFinished(() => {
    click.mockRestore();
    urlStatics.createObjectURL = saved.create;
    urlStatics.revokeObjectURL = saved.revoke;
  });
  return { downloads, revoked };
}
