import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { clearAppReady } from '../../renderer/src/lib/ready-signal';
import { resetStores } from '../../renderer/src/stores/reset';

// vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(() => {
  cleanup();
  resetStores();
  clearAppReady();
  delete window.keyhaven;
  localStorage.clear();
  sessionStorage.clear();
});
