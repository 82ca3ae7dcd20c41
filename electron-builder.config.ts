/**
 * `npm run dist`: Keyhaven's installers, with electron-builder.
 *   Linux   deb, rpm, AppImage    (run on Linux)
 *   macOS   dmg, zip              (run on macOS; signing and notarization from the environment)
 *   Windows NSIS installer        (run on Windows; signing from the environment)
 * Each platform builds its own: keytar's native module is compiled for the machine that installs the
 * dependencies. What goes in: the built out/ (main, preload, renderer; no source maps) and the
 * production dependencies (keytar, lowdb, zod, httpsnippet-lite) — never test/, the browser harness,
 * sources or the tooling. test/tooling/packaging.test.ts checks a --dir build's app.asar.
 */
import type { Configuration } from 'electron-builder';
import { signingPlan } from './electron/tooling/packaging/signing';

const signing = signingPlan();
for (const notice of signing.notices) console.warn(`[keyhaven] ${notice}`);

const config: Configuration = {
  appId: 'dev.keyhaven.desktop',
  productName: 'Keyhaven',
  copyright: 'Copyright © 2026 Keyhaven maintainers',
  directories: { output: 'dist', buildResources: 'electron/resources' },
  // Dependencies' own sources, maps and type definitions are not needed at run time either.
  files: ['out/**/*', 'package.json', '!**/*.{map,ts,mts,cts}', '!**/node_modules/@types/**'],
  asar: true,
  // Native modules cannot be loaded from inside an archive: keytar's .node file stays beside it. The
  // `keyhaven` command line runs under the user's own Node (the RunAsNode fuse stays off, so the signed
  // app can never be used as a Node interpreter): it and keytar's loader must be plain files too.
  asarUnpack: ['**/*.node', 'out/cli/**', 'node_modules/keytar/**'],
  // keytar is N-API: the build made by npm install already loads in Electron; no rebuild (and no
  // download of Electron's headers) is needed.
  npmRebuild: false,
  // Set on the packaged binary, before signing (Electron's security checklist, "Electron fuses").
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    loadBrowserProcessSpecificV8Snapshot: false,
    // The page is served from app://, not file://: file: pages get no extra privileges.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['deb', 'rpm', 'AppImage'],
    category: 'Development',
    icon: 'electron/resources/icons',
    executableName: 'keyhaven',
    maintainer: 'Keyhaven maintainers',
    synopsis: 'Issue, store, rotate, revoke and test API keys',
    description: 'Issue, store, rotate, revoke and test API keys locally, with vaults backed by the OS keychain.',
    desktop: {
      entry: {
        Name: 'Keyhaven',
        GenericName: 'API key manager',
        Comment: 'Issue, store, rotate, revoke and test API keys',
        Keywords: 'api;key;secret;token;vault;keychain;',
        StartupWMClass: 'Keyhaven',
      },
    },
  },
  // The Secret Service client library keytar links against.
  deb: { depends: ['libsecret-1-0', 'libnss3', 'libgtk-3-0', 'libxss1', 'libasound2'] },
  rpm: { depends: ['libsecret'] },
  mac: {
    target: ['dmg', 'zip'],
    category: 'public.app-category.developer-tools',
    icon: 'electron/resources/icon.icns',
    hardenedRuntime: true,
    identity: signing.macSign ? undefined : null,
    notarize: signing.macNotarize,
  },
  win: {
    target: ['nsis'],
    icon: 'electron/resources/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};

export default config;
