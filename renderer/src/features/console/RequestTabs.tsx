import { Plus, X } from 'lucide-react';
import { Button } from '../../components/Button';
import { isDirty, useConsole, type OpenRequest } from '../../stores/console-store';

/** A tab's title: the saved request's name, else method and path, else "New request". */
export function tabTitle(tab: Pick<OpenRequest, 'saved' | 'draft'>): string {
  if (tab.saved) return tab.saved.name;
  const url = tab.draft.url.trim();
  if (url === '') return 'New request';
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '') || '/';
  return `${tab.draft.method} ${path}`;
}

/**
 * The open requests (issue 13), as an editor's tabs: a dot marks unsaved changes, × closes, + opens a
 * new one. A list of buttons (the shown one is aria-current) rather than an ARIA tab list, whose tabs
 * cannot hold a close button.
 */
export function RequestTabs() {
  const state = useConsole();
  const tabs = state.tabs.map((tab) => (tab.id === state.id ? state : tab));
  return (
    <div className="console-tabs">
      <ul aria-label="Open requests" className="console-tabs__list">
        {tabs.map((tab) => {
          const active = tab.id === state.id;
          const dirty = isDirty(tab);
          const title = tabTitle(tab);
          return (
            <li key={tab.id} className={`console-tabs__tab${active ? ' console-tabs__tab--active' : ''}`}>
              <button
                type="button"
                aria-current={active ? 'true' : undefined}
                className="console-tabs__select"
                title={dirty ? `${title} (unsaved changes)` : title}
                onClick={() => state.selectTab(tab.id)}
              >
                <span className="console-tabs__title">{title}</span>
                {dirty ? (
                  <span className="console-tabs__dirty" aria-label="unsaved changes" role="img">
                    ●
                  </span>
                ) : null}
              </button>
              <button
                type="button"
                className="console-tabs__close"
                aria-label={`Close ${title}`}
                title="Close"
                onClick={() => state.closeTab(tab.id)}
              >
                <X aria-hidden="true" size={14} />
              </button>
            </li>
          );
        })}
      </ul>
      <Button
        size="sm"
        variant="ghost"
        icon={Plus}
        aria-label="New request"
        title="New request"
        onClick={state.newTab}
      />
    </div>
  );
}
