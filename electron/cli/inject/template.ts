import { CliError } from '../cli-error';

/** One `{{ kh://… }}` in a template: where it sits and the reference as written, trimmed. */
interface Placeholder {
  start: number;
  end: number;
  reference: string;
}

const CLOSING = '}}';

/** The distinct `kh://` references of a template, in the order they first appear. */
export function findTemplateReferences(text: string): string[] {
  return [...new Set(findPlaceholders(text).map((placeholder) => placeholder.reference))];
}

/**
 * The template with each `{{ kh://… }}` replaced by the value of its reference. Values are inserted
 * as they are and never scanned again, so a secret that happens to contain `{{ kh://` stays literal.
 */
export function renderTemplate(text: string, values: ReadonlyMap<string, string>): string {
  let rendered = '';
  let position = 0;
  for (const { start, end, reference } of findPlaceholders(text)) {
    const value = values.get(reference);
    // The caller resolves every reference findTemplateReferences returned; a gap is a bug, not user error.
    if (value === undefined) throw new CliError('INTERNAL', `no value was resolved for ${reference}`);
    rendered += text.slice(position, start) + value;
    position = end;
  }
  return rendered + text.slice(position);
}

function findPlaceholders(text: string): Placeholder[] {
  // Only a `{{` whose first word is `kh://` is ours: any other `{{ … }}` (Go, Helm, Jinja, Handlebars)
  // belongs to whatever reads the file next and is left exactly as it is.
  const opening = /\{\{[ \t]*(?=kh:\/\/)/g;
  const placeholders: Placeholder[] = [];
  for (let match = opening.exec(text); match !== null; match = opening.exec(text)) {
    const inner = match.index + match[0].length;
    const closing = text.indexOf(CLOSING, inner);
    const lineEnd = text.indexOf('\n', inner);
    if (closing === -1 || (lineEnd !== -1 && lineEnd < closing)) {
      const line = text.slice(0, match.index).split('\n').length;
      throw new CliError('USAGE', `line ${line}: {{ kh://… is not closed with }} on the same line`);
    }
    const end = closing + CLOSING.length;
    placeholders.push({ start: match.index, end, reference: text.slice(inner, closing).trim() });
    // Resume after this placeholder, so a `{{ kh://` inside it is not read as a second opening.
    opening.lastIndex = end;
  }
  return placeholders;
}
