import { describe, expect, it } from 'vitest';
import { createProgressPrinter } from '../../electron/tooling/progress-printer';

const MB = 1024 * 1024;

function output(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, out: { isTTY, write: (text: string) => writes.push(text) } };
}

describe('the download progress printer', () => {
  it('redraws one line in place on a terminal, at most ten times a second, and ends it', () => {
    const { writes, out } = output(true);
    let time = 0;
    const printer = createProgressPrinter(out, () => time);
    time = 1000;
    printer.update(10 * MB, 100 * MB);
    time = 1050; // too soon: skipped
    printer.update(20 * MB, 100 * MB);
    time = 1200;
    printer.update(50 * MB, 100 * MB);
    printer.update(100 * MB, 100 * MB); // the end is always drawn
    printer.update(100 * MB, 100 * MB); // after the end: ignored
    expect(writes).toEqual([
      '\r[keyhaven] Downloading Electron:  10 % (10.0 of 100.0 MB)',
      '\r[keyhaven] Downloading Electron:  50 % (50.0 of 100.0 MB)',
      '\r[keyhaven] Downloading Electron: 100 % (100.0 of 100.0 MB)',
      '\n',
    ]);
  });

  it('writes a new line every tenth of the way elsewhere, and counts megabytes when the size is unknown', () => {
    const { writes, out } = output(false);
    const printer = createProgressPrinter(out);
    for (let got = 0; got <= 100; got += 5) printer.update(got * MB, 100 * MB);
    expect(writes.map((line) => line.match(/(\d+) %/)?.[1])).toEqual([
      '0',
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
      '70',
      '80',
      '90',
      '100',
    ]);

    const unknown = output(false);
    const sized = createProgressPrinter(unknown.out);
    for (let got = 0; got <= 25; got += 1) sized.update(got * MB, null);
    expect(unknown.writes).toEqual([
      '[keyhaven] Downloading Electron: 0.0 MB\n',
      '[keyhaven] Downloading Electron: 10.0 MB\n',
      '[keyhaven] Downloading Electron: 20.0 MB\n',
    ]);
  });

  it('puts a message on its own line after an open progress line', () => {
    const { writes, out } = output(true);
    const printer = createProgressPrinter(out, () => 1000);
    printer.update(1 * MB, 10 * MB);
    printer.say('Unpacking Electron…');
    expect(writes.slice(1)).toEqual(['\n', '[keyhaven] Unpacking Electron…\n']);
  });
});
