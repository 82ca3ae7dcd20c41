import { Dialog } from '../../components/Dialog';
import { PRIMARY_MODIFIER as mod } from '../../lib/shortcut-label';

export const CONSOLE_SHORTCUTS: [keys: string, what: string][] = [
  [`${mod}+Enter`, 'Send the request (from anywhere in it)'],
  [`${mod}+S`, 'Save: update the open saved request, or save a new one'],
  [`${mod}+Shift+S`, 'Save as a new request'],
  [`${mod}+L`, 'Go to the URL'],
  ['Escape', 'Cancel the request being sent'],
  ['?', 'Show these shortcuts (outside a text field)'],
];

/** The console's shortcuts (issue 13), opened with `?`. */
export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} footer={null}>
      <table className="table console-shortcuts">
        <caption className="visually-hidden">Console shortcuts</caption>
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {CONSOLE_SHORTCUTS.map(([keys, what]) => (
            <tr key={keys}>
              <td>
                <kbd>{keys}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
