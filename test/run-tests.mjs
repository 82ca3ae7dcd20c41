// What `npm test` runs, inside `test/with-keyring.mjs` (a real, disposable OS keychain):
// 1. builds first (about 4 s): e2e tests drive the built renderer, main tests boot the built bundles,
//    cli tests run the built `keyhaven` command,
//    and a stale out/ would test yesterday's code;
// 2. runs `vitest run` with any extra arguments (`npm test -- --project e2e`), prints one closing line
//    `Tests: N passed, N failed` and exits with vitest's code.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const say = (line) => process.stderr.write(`[run-tests] ${line}\n`);

function run(command, args, stdio = 'inherit') {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio });
    const ignore = () => {}; // the child got the same signal from the terminal; wait for its code
    process.on('SIGINT', ignore);
    process.on('SIGTERM', ignore);
    child.on('error', (error) => {
      say(`could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? 128 + (constants.signals[signal] ?? 0)));
  });
}

/** The plain closing line CI reads, from vitest's JSON report. */
function printSummary(reportFile) {
  if (!existsSync(reportFile)) return;
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  const tail = skipped > 0 ? `, ${skipped} skipped` : '';
  process.stdout.write(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${tail}\n`);
}

say('building the bundles and the command line first (npm run build)');
const built = await run('npm', ['run', '--silent', 'build'], ['ignore', 'ignore', 'inherit']);
if (built !== 0) process.exit(built);

const probe = `require('keytar').getPassword('Keyhaven-probe', 'probe').then(() => process.exit(0), () => process.exit(1));`;
if (spawnSync(process.execPath, ['-e', probe], { cwd: ROOT, timeout: 10_000, stdio: 'ignore' }).status !== 0) {
  say('no keychain answers: the keychain and e2e tests will fail (run through test/with-keyring.mjs).');
}

const reportFile = join(ROOT, 'test-results', 'vitest-report.json');
rmSync(reportFile, { force: true });
const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`];
const code = await run('npx', ['vitest', 'run', ...reporters, ...process.argv.slice(2)]);
printSummary(reportFile);
process.exit(code);
