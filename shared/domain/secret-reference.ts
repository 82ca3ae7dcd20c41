/**
 * Secret references: `kh://<vault>/<entry>[/<field>]` names a vault entry's key, as 1Password's
 * `op://vault/item/field` does. Vault and entry are names as the app shows them (percent-encoded where
 * they hold `/`, `%`, spaces or other characters a shell or URL would split on) or ids. The command
 * line resolves them today; the console's environments will too (issue 13). Pure: no Node, no I/O.
 */
export const REFERENCE_SCHEME = 'kh://';

/** What a reference reads: the key itself, the header line in the entry's scheme, the scheme, the base URL. */
export const REFERENCE_FIELDS = ['key', 'header', 'scheme', 'base-url'] as const;
export type ReferenceField = (typeof REFERENCE_FIELDS)[number];

export interface SecretReference {
  /** The vault's name or id, decoded. */
  vault: string;
  /** The entry's name or id, decoded. */
  entry: string;
  field: ReferenceField;
  /** The reference as written, for messages (it holds no secret). */
  text: string;
}

/** A reference that cannot be read; the message says what is wrong and shows the right form. */
export class ReferenceSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReferenceSyntaxError';
  }
}

const FORM = 'kh://<vault>/<entry>[/header|/scheme|/base-url]';

export function isSecretReference(value: string): boolean {
  return value.startsWith(REFERENCE_SCHEME);
}

export function parseSecretReference(text: string): SecretReference {
  const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
  if (!isSecretReference(text)) throw new ReferenceSyntaxError(`"${shown}" is not a reference: write ${FORM}.`);
  const parts = text.slice(REFERENCE_SCHEME.length).split('/');
  if (parts.length < 2 || parts.length > 3)
    throw new ReferenceSyntaxError(
      `"${shown}" should have a vault and an entry, and at most a field: ${FORM} (write a "/" in a name as %2F).`,
    );
  const [vault, entry, field = 'key'] = parts.map((part) => decodePart(part, shown)) as [string, string, string?];
  if (vault === '' || entry === '') throw new ReferenceSyntaxError(`"${shown}" has an empty vault or entry name.`);
  if (!(REFERENCE_FIELDS as readonly string[]).includes(field) || (field === 'key' && parts.length === 3))
    throw new ReferenceSyntaxError(
      `"${shown}" asks for the field "${field}"; the fields are header, scheme and base-url.`,
    );
  return { vault, entry, field: field as ReferenceField, text };
}

/** The reference for an entry, names encoded so that any name round-trips. */
export function formatSecretReference(vault: string, entry: string, field: ReferenceField = 'key'): string {
  const base = `${REFERENCE_SCHEME}${encodeURIComponent(vault)}/${encodeURIComponent(entry)}`;
  return field === 'key' ? base : `${base}/${field}`;
}

function decodePart(part: string, shown: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    throw new ReferenceSyntaxError(`"${shown}" has a broken %-escape; write a "%" in a name as %25.`);
  }
}
