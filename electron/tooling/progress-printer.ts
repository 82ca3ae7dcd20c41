/**
 * What `npm start` prints while Electron downloads: on a terminal one line redrawn in place (at most
 * ten times a second), elsewhere (CI logs, an IDE's task panel) a new line every tenth of the way, so a
 * log never fills with carriage returns. Only the first download is shown: @electron/get fetches
 * SHASUMS256.txt afterwards through the same callback, and a second "100 %" would only confuse.
 */
export interface ProgressPrinter {
  say(line: string): void;
  update(transferred: number, total: number | null): void;
  /** Closes the progress line; later updates are ignored. */
  end(): void;
}

interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

const MB = 1024 * 1024;
const PREFIX = '[keyhaven] ';

export function createProgressPrinter(out: Output = process.stderr, now: () => number = Date.now): ProgressPrinter {
  let done = false;
  let openLine = false;
  let lastDraw = 0;
  let lastStep = -1;

  const line = (transferred: number, total: number | null): string => {
    const got = (transferred / MB).toFixed(1);
    if (!total) return `${PREFIX}Downloading Electron: ${got} MB`;
    const percent = Math.min(100, Math.floor((transferred / total) * 100));
    return `${PREFIX}Downloading Electron: ${String(percent).padStart(3)} % (${got} of ${(total / MB).toFixed(1)} MB)`;
  };

  return {
    say(text) {
      if (openLine) out.write('\n');
      openLine = false;
      out.write(`${PREFIX}${text}\n`);
    },
    update(transferred, total) {
      if (done) return;
      const finished = total !== null && total > 0 && transferred >= total;
      if (out.isTTY) {
        if (!finished && now() - lastDraw < 100) return;
        lastDraw = now();
        out.write(`\r${line(transferred, total)}`);
        openLine = true;
      } else {
        const step = total ? Math.floor((transferred / total) * 10) : Math.floor(transferred / (10 * MB));
        if (step === lastStep && !finished) return;
        lastStep = step;
        out.write(`${line(transferred, total)}\n`);
      }
      if (finished) this.end();
    },
    end() {
      if (openLine) out.write('\n');
      openLine = false;
      done = true;
    },
  };
}
