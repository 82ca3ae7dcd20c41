/**
 * What commands print. Data goes to stdout (a table for people, or JSON with --json for scripts);
 * notices and errors go to stderr, so `keyhaven read … | pbcopy` copies the key and nothing else.
 */
export interface Output {
  readonly json: boolean;
  /** One value as JSON (--json) or as the text `human` gives. */
  data(value: unknown, human: () => string): void;
  /** Raw text on stdout, as is (a secret for `read`). */
  raw(text: string): void;
  /** A line for people on stderr (progress, what happened); never a secret. */
  note(line: string): void;
}

export function createOutput(json: boolean, stdout = process.stdout, stderr = process.stderr): Output {
  return {
    json,
    data(value, human) {
      stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : ensureNewline(human()));
    },
    raw(text) {
      stdout.write(text);
    },
    note(line) {
      stderr.write(`${line}\n`);
    },
  };
}

function ensureNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** A plain table: a header row and columns padded to their widest cell; "(none)" lines for no rows. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `${empty}\n`;
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), ...rows.map(line)].join('\n')}\n`;
}
