import { TRANSFER_LIMITS } from './transfer-collection';
import { invalid } from './foreign-data';

/**
 * What one import run accumulates besides the tree: the notes for the user (each said once, in the
 * order met) and the counters that keep a hostile file from growing the tree without bound.
 */
export class ImportContext {
  readonly notes: string[] = [];
  private readonly said = new Set<string>();
  private requests = 0;

  note(sentence: string): void {
    if (this.said.has(sentence)) return;
    this.said.add(sentence);
    this.notes.push(sentence);
  }

  /** Called once per request kept; past the cap the import stops instead of producing a partial tree. */
  countRequest(): void {
    this.requests += 1;
    if (this.requests > TRANSFER_LIMITS.requests) {
      throw invalid(
        `This collection has more than ${TRANSFER_LIMITS.requests} requests; Keyhaven imports at most that many.`,
      );
    }
  }

  /** Variables of one environment, and environments of one import, are bounded like requests. */
  checkVariables(count: number, environment: string): void {
    if (count > TRANSFER_LIMITS.variables) {
      throw invalid(
        `The environment ${quoted(environment)} has more than ${TRANSFER_LIMITS.variables} variables; Keyhaven does not import it.`,
      );
    }
  }

  checkEnvironments(count: number): void {
    if (count > TRANSFER_LIMITS.environments) {
      throw invalid(
        `This collection has more than ${TRANSFER_LIMITS.environments} environments; Keyhaven does not import it.`,
      );
    }
  }

  /** Folder recursion is bounded so a file nesting thousands of folders cannot overflow the stack. */
  checkDepth(depth: number): void {
    if (depth > TRANSFER_LIMITS.depth) {
      throw invalid(
        `This collection nests folders more than ${TRANSFER_LIMITS.depth} deep; Keyhaven does not import it.`,
      );
    }
  }
}

/** “Create item”: how notes quote a name, so it reads apart from the sentence around it. */
export const quoted = (name: string): string => `“${name}”`;
