import {
  environmentVariableSchema,
  type Environment,
  type EnvironmentVariable,
} from '../../../../../shared/console/environments';

/** A row of the variables table while it is edited; `key` is React's only. */
export interface VariableRow {
  key: number;
  name: string;
  value: string;
}

let nextKey = 1;
export const variableRow = (name = '', value = ''): VariableRow => ({ key: nextKey++, name, value });

export const rowsOf = (environment: Environment | null): VariableRow[] =>
  environment ? environment.variables.map((variable) => variableRow(variable.name, variable.value)) : [];

/**
 * The rows as variables, or what is wrong with each (by row key), checked as main will check them:
 * a plain value that looks like a key is refused here already, so it never leaves the page.
 */
export function checkRows(rows: VariableRow[]): { variables: EnvironmentVariable[]; problems: Map<number, string> } {
  const problems = new Map<number, string>();
  const variables: EnvironmentVariable[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.name.trim() === '' && row.value === '') continue;
    const parsed = environmentVariableSchema.safeParse({ name: row.name, value: row.value });
    if (!parsed.success) problems.set(row.key, parsed.error.issues[0]?.message ?? 'This variable is not valid.');
    else if (seen.has(parsed.data.name)) problems.set(row.key, `${parsed.data.name} is defined twice.`);
    else {
      seen.add(parsed.data.name);
      variables.push(parsed.data);
    }
  }
  return { variables, problems };
}
