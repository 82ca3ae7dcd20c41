import { homedir } from 'node:os';
import type { Command } from 'commander';
import { CliError, EXIT } from '../cli-error';
import type { CliContext } from '../context';
import { examples } from '../help-text';
import { detectionRules, type DetectionTool } from '../scan/detection-rules';
import { formatJson } from '../scan/format-json';
import { formatSarif } from '../scan/format-sarif';
import { formatText } from '../scan/format-text';
import { scan } from '../scan/scan';
import { shellHistoryFiles } from '../scan/scan-files';
import { scanSources } from '../scan/scan-sources';

interface ScanFlags {
  git?: boolean;
  format: string;
  history: boolean;
  rules?: string;
}

const FORMATS = ['text', 'json', 'sarif'] as const;
const TOOLS: readonly DetectionTool[] = ['gitleaks', 'trufflehog', 'secretlint'];

/** `keyhaven scan`: leaked Keyhaven keys (by checksum) and vault keys in clear; exit 1 when found. */
export function registerScan(program: Command, context: CliContext): void {
  program
    .command('scan')
    .description('find leaked keys: Keyhaven keys (checksum-verified) and vault keys in clear')
    .argument('[paths...]', 'files and folders to scan (default: . and your shell histories)')
    .option('--git', 'also scan every line ever committed in the repositories')
    .option('--format <format>', 'text, json or sarif', 'text')
    .option('--no-history', 'leave out shell history files')
    .option('--rules <tool>', 'print detection rules for your apps’ prefixes: gitleaks, trufflehog or secretlint')
    .addHelpText(
      'after',
      examples(
        'keyhaven scan                                  # this folder and your shell histories',
        'keyhaven scan . --git --format sarif > keyhaven.sarif',
        'keyhaven scan --rules gitleaks >> .gitleaks.toml',
      ) + '\n\nExit code 1 when something is found, so CI fails on a leak. A vault key is never printed.',
    )
    .action(async (paths: string[], flags: ScanFlags) => {
      const output = context.output;
      if (flags.rules !== undefined) return printRules(context, flags.rules);
      const format = context.output.json ? 'json' : flags.format;
      if (!(FORMATS as readonly string[]).includes(format))
        throw new CliError('USAGE', '--format is text, json or sarif.');
      const explicit = paths.length > 0;
      const history = flags.history && !explicit ? shellHistoryFiles(homedir()) : [];
      // What the scan could not compare is said after the report, so a failed scan prints one line.
      const notes: string[] = [];
      const sources = await scanSources(context, (line) => notes.push(line));
      const report = await scan(
        { paths: explicit ? paths : ['.'], git: flags.git === true, historyFiles: history },
        sources,
      );
      output.raw(
        format === 'json'
          ? formatJson(report)
          : format === 'sarif'
            ? formatSarif(report, context.version)
            : formatText(report),
      );
      notes.forEach((line) => output.note(line));
      if (report.findings.length > 0) process.exitCode = EXIT.FOUND;
    });
}

async function printRules(context: CliContext, tool: string): Promise<void> {
  if (!(TOOLS as readonly string[]).includes(tool))
    throw new CliError('USAGE', '--rules takes gitleaks, trufflehog or secretlint.');
  const prefixes = (await context.core()).apps.list().map((app) => app.keyPrefix);
  if (prefixes.length === 0) throw new CliError('NOT_FOUND', 'No apps yet, so no key prefixes to write rules for.');
  context.output.raw(detectionRules(tool as DetectionTool, prefixes));
}
