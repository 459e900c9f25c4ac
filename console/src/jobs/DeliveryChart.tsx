import { formatBytes, formatTime } from '../format';
import type { Sample } from './progress';

const WIDTH = 640;
const HEIGHT = 200;
const PAD = { left: 64, right: 12, top: 12, bottom: 28 };

/** Path of a stacked area between `lower` and `upper` values over the samples. */
function area(samples: Sample[], x: (at: number) => number, y: (v: number) => number, lower: (s: Sample) => number, upper: (s: Sample) => number): string {
  const top = samples.map((s) => `${x(s.at).toFixed(1)},${y(upper(s)).toFixed(1)}`);
  const bottom = [...samples].reverse().map((s) => `${x(s.at).toFixed(1)},${y(lower(s)).toFixed(1)}`);
  return `M${top.join('L')}L${bottom.join('L')}Z`;
}

/**
 * DeliveryChart draws the cumulative bytes a job delivered over time, stacked: from the origin (WAN) below, from peers
 * (LAN) above. Plain SVG; the figures are also in the text beside it.
 */
export function DeliveryChart({ samples }: { samples: Sample[] }) {
  if (samples.length < 2) return <p className="muted">The chart starts with the next progress update.</p>;
  const first = samples[0].at;
  const last = samples[samples.length - 1].at;
  const max = Math.max(1, ...samples.map((s) => s.peers + s.origin));
  const x = (at: number) => PAD.left + ((at - first) / Math.max(1, last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const latest = samples[samples.length - 1];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Delivered bytes over time: ${formatBytes(latest.peers)} from peers, ${formatBytes(latest.origin)} from the origin`}>
        <line x1={PAD.left} y1={y(0)} x2={WIDTH - PAD.right} y2={y(0)} className="chart-axis" />
        <line x1={PAD.left} y1={y(max)} x2={WIDTH - PAD.right} y2={y(max)} className="chart-grid" />
        <text x={PAD.left - 6} y={y(max) + 4} textAnchor="end" className="chart-label">{formatBytes(max)}</text>
        <text x={PAD.left - 6} y={y(0) + 4} textAnchor="end" className="chart-label">0</text>
        <path d={area(samples, x, y, () => 0, (s) => s.origin)} className="chart-origin" />
        <path d={area(samples, x, y, (s) => s.origin, (s) => s.origin + s.peers)} className="chart-peers" />
        <text x={PAD.left} y={HEIGHT - 8} className="chart-label">{formatTime(first)}</text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} textAnchor="end" className="chart-label">{formatTime(last)}</text>
      </svg>
      <figcaption className="legend">
        <span><i className="swatch swatch-peers" /> from peers (LAN) {formatBytes(latest.peers)}</span>
        <span><i className="swatch swatch-origin" /> from origin (WAN) {formatBytes(latest.origin)}</span>
      </figcaption>
    </figure>
  );
}
