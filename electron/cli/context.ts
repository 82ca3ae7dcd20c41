import { mkdir } from 'node:fs/promises';
import type { Core } from '../core/core';
import type { SecretReferences } from '../core/vaults/secret-references';
import { chooseDataFolder } from './data-folder';
import { createOutput, type Output } from './output';

/** The options every command shares (set on the program, so they go before or after the command). */
export interface GlobalOptions {
  dataDir?: string;
  json?: boolean;
}

/**
 * What a command runs with: its output, and the core of the data folder opened on first use (so
 * `--help` and `scan --rules` never touch the data or the keychain). The core is the app's own, with
 * the real OS keychain; its activity records name the command line as their actor.
 */
export class CliContext {
  private opened: Promise<Core> | null = null;
  private passphraseEntered: Promise<void> | null = null;

  constructor(
    private readonly globals: () => GlobalOptions,
    readonly version: string,
  ) {}

  get output(): Output {
    return createOutput(this.globals().json === true);
  }

  get dataDir(): string {
    return chooseDataFolder(this.globals().dataDir).dir;
  }

  core(): Promise<Core> {
    this.opened ??= this.open();
    return this.opened;
  }

  /**
   * The core, ready to read and write vault keys: when a Keyhaven passphrase protects them, it is asked
   * on the terminal once per command (only by commands that need a vault key, so `keys ls` never asks).
   */
  async coreWithVaultKeys(): Promise<Core> {
    const core = await this.core();
    if (core.vaults.vaults.protection() === 'passphrase') {
      this.passphraseEntered ??= (async () => {
        const { askPassphraseOnTerminal } = await import('./terminal-passphrase');
        await core.vaults.vaults.enterPassphrase(await askPassphraseOnTerminal());
      })();
      await this.passphraseEntered;
    }
    return core;
  }

  async references(): Promise<SecretReferences> {
    const core = await this.coreWithVaultKeys();
    const { SecretReferences } = await import('../core/vaults/secret-references');
    return new SecretReferences(() => core.vaults, core.db);
  }

  /** Closes the data files (flushing what is pending); a no-op when nothing was opened. */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    if (opened) await (await opened.catch(() => null))?.close();
  }

  private async open(): Promise<Core> {
    const dataDir = this.dataDir;
    // As the app does at first start: the folder is private to the user.
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    // The core is loaded here, not at start: --help, --version and a scan without data never load it.
    const { KeytarKeychain } = await import('../core/keychain/keytar-keychain');
    const keychain = new KeytarKeychain();
    // The keychain's first answer (loading keytar, opening a D-Bus session) takes ~20 ms: asked now, it
    // is prepared on a worker thread while the core loads. Its outcome does not matter; the real reads
    // report any failure.
    void keychain.get('probe').catch(() => null);
    const { openCore } = await import('../core/core');
    return openCore({
      dataDir,
      keychain,
      version: this.version,
      actor: 'cli',
      console: false,
      shortLived: true,
      // Background failures arrive judged and redacted (api/error-judge.ts).
      logError: (line) => process.stderr.write(`keyhaven: warning: ${line}\n`),
    });
  }
}
