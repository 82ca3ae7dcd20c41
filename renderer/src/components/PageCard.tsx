import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import './PageCard.css';

interface PageCardProps {
  icon: LucideIcon;
  title: string;
  /** alert: the card explains why nothing else can be shown. */
  role?: 'alert';
  children: ReactNode;
}

/** One card in the middle of the window, instead of the app: when nothing else can work. */
export function PageCard({ icon: Icon, title, role, children }: PageCardProps) {
  return (
    <main className="page-card">
      <section className="page-card__card" role={role} aria-labelledby="page-card-title">
        <span className="page-card__icon" aria-hidden="true">
          <Icon size={24} />
        </span>
        <h1 id="page-card-title" tabIndex={-1}>
          {title}
        </h1>
        {children}
      </section>
    </main>
  );
}
