/**
 * A copy of the project as a new user has it after `npm install`: its sources and configuration, and a
 * node_modules whose packages are the installed ones (linked, not copied: 400 packages) except Electron,
 * which is copied without its binary (`dist/`, `path.txt`), as Electron 45's package arrives.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SOURCES = [
  'package.json',
  'package-lock.json',
  'electron.vite.config.ts',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.preload.json',
  'tsconfig.web.json',
  'electron',
  'renderer',
  'shared',
];

/** Skipped inside node_modules/: build caches that belong to the original checkout. */
const CACHES = new Set(['.vite', '.cache']);

export function copyProjectWithoutElectronBinary(repoRoot: string, target: string): void {
  for (const entry of SOURCES) cpSync(join(repoRoot, entry), join(target, entry), { recursive: true });
  const modules = join(repoRoot, 'node_modules');
  const targetModules = join(target, 'node_modules');
  mkdirSync(targetModules);
  for (const name of readdirSync(modules)) {
    if (CACHES.has(name)) continue;
    if (name === 'electron') {
      const electron = join(modules, 'electron');
      cpSync(electron, join(targetModules, 'electron'), {
        recursive: true,
        filter: (source) => {
          const inside = relative(electron, source);
          return inside !== 'path.txt' && inside !== 'dist' && !inside.startsWith(`dist${sep}`);
        },
      });
      continue;
    }
    symlinkSync(join(modules, name), join(targetModules, name));
  }
}
