import type { ReactNode } from 'react';
import './PageHeader.css';

interface PageHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  /** Above the title: a way back, e.g. "Apps". */
  back?: ReactNode;
}

/** The top of a screen. Its h1 takes focus after navigation (tabIndex -1), so screen readers follow. */
export function PageHeader({ title, description, actions, back }: PageHeaderProps) {
  return (
    <header className="page-header">
      {back ? <div className="page-header__back">{back}</div> : null}
      <div className="page-header__row">
        <div className="page-header__titles">
          <h1 className="page-header__title" tabIndex={-1}>
            {title}
          </h1>
          {description ? <div className="page-header__description">{description}</div> : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </header>
  );
}
