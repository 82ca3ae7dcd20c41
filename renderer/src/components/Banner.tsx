import { CircleAlert, Info, TriangleAlert, type LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import './Banner.css';

type Tone = 'danger' | 'warning' | 'info';

const ICONS: Record<Tone, LucideIcon> = { danger: CircleAlert, warning: TriangleAlert, info: Info };

interface BannerProps {
  tone: Tone;
  title?: string;
  children: ReactNode;
  /** "alert" for problems the user must know now; "note" for standing advice. */
  role?: 'alert' | 'note' | 'status';
  action?: ReactNode;
  className?: string;
}

/** A message block: app-wide problems, inline errors in forms, warnings next to a secret. */
export function Banner({ tone, title, children, role = 'alert', action, className }: BannerProps) {
  const Icon = ICONS[tone];
  return (
    <div role={role} className={['banner', `banner--${tone}`, className].filter(Boolean).join(' ')}>
      <Icon size={18} aria-hidden="true" className="banner__icon" />
      <div className="banner__content">
        {title ? <p className="banner__title">{title}</p> : null}
        <div className="banner__text">{children}</div>
      </div>
      {action ? <div className="banner__action">{action}</div> : null}
    </div>
  );
}
