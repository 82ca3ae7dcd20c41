import { Check } from 'lucide-react';
import './StepIndicator.css';

interface StepIndicatorProps {
  steps: readonly string[];
  /** Index of the current step. */
  current: number;
}

/** "1 API key name · 2 Select scopes · 3 Store your API key", the current one marked for everyone. */
export function StepIndicator({ steps, current }: StepIndicatorProps) {
  return (
    <ol className="steps" aria-label="Steps">
      {steps.map((step, index) => {
        const state = index < current ? 'done' : index === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`steps__item steps__item--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="steps__number" aria-hidden="true">
              {state === 'done' ? <Check size={12} /> : index + 1}
            </span>
            <span className="steps__label">
              {step}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
