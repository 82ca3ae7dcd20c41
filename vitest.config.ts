import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// One project per process the code runs in, mirroring the source tree (see README "Tests").
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'core',
          environment: 'node',
          include: ['test/core/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'cli',
          environment: 'node',
          include: ['test/cli/**/*.test.ts'],
          // The built `keyhaven` command as a real child process, against real data folders and keychain.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.tsx', 'test/renderer/**/*.test.ts'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
      {
        test: {
          name: 'tooling',
          environment: 'node',
          include: ['test/tooling/**/*.test.ts'],
          // Real npm, electron-vite and electron-builder runs in copies of the project.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          maxWorkers: 1,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Each e2e file starts its own harness and Chromium; two cores cannot run many at once.
          maxWorkers: 1,
        },
      },
    ],
  },
});
