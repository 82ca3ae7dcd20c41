import { isRecord, listOf, textOf, type Rec } from './foreign-data';
import type { RefResolver } from './openapi-refs';

/**
 * An example value for a request body or parameter: the document's own example when it gives one,
 * else one built from the schema (the way Swagger UI fills "Try it out"), so the console opens with
 * a body the user edits instead of an empty one.
 */
const MAX_DEPTH = 8;
// Bounds the size of a generated example: a schema with hundreds of properties still opens quickly.
const MAX_PROPERTIES = 50;

const STRING_FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  email: 'user@example.com',
  uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  uri: 'https://example.com',
  url: 'https://example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
};

function typeOf(schema: Rec): string {
  // OpenAPI 3.1 allows `type: [string, "null"]`.
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof type === 'string') return type;
  if (isRecord(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return '';
}

export function exampleFromSchema(
  schemaValue: unknown,
  refs: RefResolver,
  depth = 0,
  seen: ReadonlySet<string> = new Set(),
): unknown {
  const { value, seen: path } = refs.resolve(schemaValue, seen);
  if (!isRecord(value) || depth > MAX_DEPTH) return null;
  const schema = value;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((part) => exampleFromSchema(part, refs, depth + 1, path));
    return parts.every(isRecord) ? Object.assign({}, ...parts) : (parts[0] ?? null);
  }
  const choice = listOf(schema.oneOf)[0] ?? listOf(schema.anyOf)[0];
  if (choice !== undefined) return exampleFromSchema(choice, refs, depth + 1, path);
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const properties = isRecord(schema.properties) ? Object.entries(schema.properties) : [];
      for (const [name, property] of properties.slice(0, MAX_PROPERTIES)) {
        const { value: resolved } = refs.resolve(property, path);
        // A client does not send what the server alone writes.
        if (isRecord(resolved) && resolved.readOnly === true) continue;
        out[name] = exampleFromSchema(property, refs, depth + 1, path);
      }
      return out;
    }
    case 'array':
      return [exampleFromSchema(schema.items, refs, depth + 1, path)];
    case 'string':
      return STRING_FORMATS[textOf(schema.format)] ?? 'string';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * The example of a media type or parameter: `example`, else the first of `examples` (each an Example
 * object, possibly a `$ref`), else one from its schema.
 */
export function exampleOf(holder: Rec, refs: RefResolver): unknown {
  if (holder.example !== undefined) return holder.example;
  if (isRecord(holder.examples)) {
    const first = Object.values(holder.examples)[0];
    if (first !== undefined) {
      const example = refs.record(first);
      if (example.value !== undefined) return example.value;
    }
  }
  return holder.schema === undefined ? null : exampleFromSchema(holder.schema, refs);
}

/** A value as the text of a query or header row. */
export function exampleText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? JSON.stringify(value) : textOf(value);
}
