import { isRecord, type Rec } from './foreign-data';
import type { ImportContext } from './import-context';

/**
 * Local `$ref`s of an OpenAPI document (`#/components/schemas/Item`). Only references inside the
 * document are followed: an import reads one file and fetches nothing. References that loop (a schema
 * that contains itself) resolve to an empty object the second time round, so walking always ends.
 */
export class RefResolver {
  constructor(
    private readonly doc: Rec,
    /** Absent when only the security schemes are read (no import, so no notes). */
    private readonly ctx?: ImportContext,
  ) {}

  /** The object at a JSON pointer (`#/a/b~1c`), or undefined when it does not exist. */
  private pointer(ref: string): unknown {
    let node: unknown = this.doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isRecord(node) && !Array.isArray(node)) return undefined;
      node = (node as Record<string, unknown>)[key];
    }
    return node;
  }

  /**
   * `value` with its `$ref` chain followed. `seen` holds the references already being expanded on
   * this path (a cycle returns `{}`); siblings of `$ref` (3.1 allows `description`) are ignored.
   */
  resolve(value: unknown, seen: ReadonlySet<string> = new Set()): { value: unknown; seen: ReadonlySet<string> } {
    let current = value;
    const path = new Set(seen);
    while (isRecord(current) && typeof current.$ref === 'string') {
      const ref = current.$ref;
      if (!ref.startsWith('#/')) {
        this.ctx?.note(
          'References to other files ($ref to another document) were not followed: those parts came in empty.',
        );
        return { value: {}, seen: path };
      }
      if (path.has(ref)) return { value: {}, seen: path };
      path.add(ref);
      current = this.pointer(ref);
    }
    return { value: current, seen: path };
  }

  /** The resolved value as a record (`{}` for anything else). */
  record(value: unknown): Rec {
    const { value: resolved } = this.resolve(value);
    return isRecord(resolved) ? resolved : {};
  }
}
