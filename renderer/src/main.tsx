import './lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { applyTheme, savedTheme } from './lib/theme';
import './styles/tokens.css';
import './styles/base.css';

// Before React renders, and before the first paint: the bundle is render-blocking (see
// electron/tooling/render-blocking-plugin.ts), so the page never shows the other theme first.
applyTheme(savedTheme());

const container = document.getElementById('root');
if (!container) throw new Error('Keyhaven: the #root element is missing from index.html.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
