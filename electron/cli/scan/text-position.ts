import type { FindingLocation } from './findings';

/**
 * Turns offsets in a text into 1-based line and column numbers. The line starts are computed only
 * when a first position is asked for: most scanned texts hold no finding and never pay for it.
 */
export class TextPositions {
  private lineStarts: number[] | null = null;

  constructor(
    private readonly text: string,
    /** The line number of the text's first line: 1 for a file, the hunk's line for a git line. */
    private readonly firstLine = 1,
  ) {}

  at(offset: number): Pick<FindingLocation, 'line' | 'column'> {
    const starts = this.starts();
    // The last line start at or before the offset, by binary search.
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: this.firstLine + low, column: offset - (starts[low] as number) + 1 };
  }

  private starts(): number[] {
    if (this.lineStarts === null) {
      const starts = [0];
      for (let at = this.text.indexOf('\n'); at !== -1; at = this.text.indexOf('\n', at + 1)) starts.push(at + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
