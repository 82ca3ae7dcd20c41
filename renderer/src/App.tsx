import { hasBridge } from './api/client';
import { Shell } from './features/shell/Shell';
import { BridgeMissing } from './features/status/BridgeMissing';

/** The root: the whole app when the preload's bridge is there, a clear explanation when it is not. */
export function App() {
  return hasBridge() ? <Shell /> : <BridgeMissing />;
}
