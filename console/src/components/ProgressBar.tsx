import { formatPercent } from '../format';

/** A labelled progress bar; the text beside it carries the number for those who cannot see the bar. */
export function ProgressBar({ percent, label, tone = 'default' }: { percent: number; label: string; tone?: 'default' | 'paused' | 'failed' | 'done' }) {
  const clamped = Math.max(0, Math.min(100, percent));
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped)}>
        <div className={`progress-fill progress-${tone}`} style={{ width: `${clamped}%` }} />
      </div>
      <span className="progress-text">{formatPercent(clamped)}</span>
    </div>
  );
}
