import { LoaderCircle } from 'lucide-react';
import './Loading.css';

export function Spinner({ size = 16 }: { size?: number }) {
  return <LoaderCircle size={size} aria-hidden="true" className="spinner" />;
}

/** A calm placeholder while a list loads; announces `label` to assistive technology once. */
export function SkeletonRows({ label, rows = 3 }: { label: string; rows?: number }) {
  return (
    <div className="skeleton" aria-busy="true">
      <span role="status" className="visually-hidden">
        {label}
      </span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" aria-hidden="true">
          <span className="skeleton__bar skeleton__bar--wide" />
          <span className="skeleton__bar" />
        </div>
      ))}
    </div>
  );
}
