import {
  describeScheme,
  parseSchemeText,
  schemeText,
  type HeaderScheme,
} from '../../../shared/catalogs/service-presets';
import { formatSecretReference } from '../../../shared/domain/secret-reference';
import type { EntryView } from '../../../shared/domain/vault';
import { CliError } from '../cli-error';
import { table } from '../output';

export interface EntryFlags {
  service?: string;
  scheme?: string;
  baseUrl?: string;
  /** Declared only to refuse it with a reason, instead of "unknown option". */
  key?: string;
}

/** The flags of `vault add` as the core's entry input; the key itself never comes from a flag. */
export function parseEntryFlags(flags: EntryFlags): { service?: string; scheme?: HeaderScheme; baseUrl?: string } {
  if (flags.key !== undefined)
    throw new CliError(
      'USAGE',
      '--key is refused: other users can see arguments in the process list. Pipe the key on stdin instead.',
    );
  let scheme: HeaderScheme | undefined;
  if (flags.scheme !== undefined) {
    const parsed = parseSchemeText(flags.scheme);
    if (!parsed.ok) throw new CliError('USAGE', `--scheme: ${parsed.message}`);
    scheme = parsed.scheme;
  }
  return {
    ...(flags.service === undefined ? {} : { service: flags.service }),
    ...(scheme === undefined ? {} : { scheme }),
    ...(flags.baseUrl === undefined ? {} : { baseUrl: flags.baseUrl }),
  };
}

/** An entry for --json: its metadata and reference, never its key. */
export function entryJson(vaultName: string, entry: EntryView) {
  return {
    id: entry.id,
    name: entry.name,
    vault: vaultName,
    reference: formatSecretReference(vaultName, entry.name),
    service: entry.service,
    kind: entry.kind,
    scheme: schemeText(entry.scheme),
    baseUrl: entry.baseUrl,
    app: entry.appName,
    scopes: entry.scopes,
    version: entry.secretVersion,
    expiresAt: entry.expiresAt,
    updatedAt: entry.updatedAt,
  };
}

export function entryRows(vaultName: string, entries: readonly EntryView[]): string {
  return table(
    ['NAME', 'SERVICE', 'SENT AS', 'REFERENCE'],
    entries.map((entry) => [
      entry.name,
      entry.service,
      describeScheme(entry.scheme),
      formatSecretReference(vaultName, entry.name),
    ]),
    `The vault "${vaultName}" has no keys yet: keyhaven vault add "${vaultName}" --name <name>.`,
  );
}
