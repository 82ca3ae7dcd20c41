// The stub's clipboard and ClipboardItem.

/** Electron's main-process ClipboardItem: the entries of one item, keyed by MIME type or raw OS format. */
export class FakeClipboardItem {
  readonly types: string[];
  constructor(readonly items: Record<string, unknown>) {
    this.types = Object.keys(items);
  }
  async getType(type: string): Promise<unknown> {
    if (!(type in this.items)) throw new Error(`'${type}' is not in this ClipboardItem`);
    return this.items[type];
  }
}

/**
 * The system clipboard: one call to `write` is one atomic commit, recorded as it arrived, so a test can
 * check that the text and its concealed marker went together. Like Electron, `write` takes an array of
 * ClipboardItem instances and nothing else.
 */
export class FakeClipboard {
  text = '';
  /** Every `write` call, in order: the items of that one commit. */
  readonly writes: FakeClipboardItem[][] = [];
  clears = 0;

  /** `record` logs a call in `electron.calls`. */
  constructor(private readonly record: (call: string) => void) {}

  async write(data: unknown): Promise<void> {
    if (!Array.isArray(data) || !data.every((item) => item instanceof FakeClipboardItem)) {
      throw new TypeError('clipboard.write expects an array of ClipboardItem');
    }
    this.record('clipboard.write');
    this.writes.push(data);
    const text = data.map((item) => item.items['text/plain']).find((value) => typeof value === 'string');
    this.text = text ?? '';
  }
  async writeText(text: string): Promise<void> {
    this.record('clipboard.writeText');
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  clear(): void {
    this.record('clipboard.clear');
    this.clears += 1;
    this.text = '';
  }
}
