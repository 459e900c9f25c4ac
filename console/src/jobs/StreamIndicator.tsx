import type { StreamStatus } from '../api/sse';

/** Whether the page is following the job live, and why not when it is not. */
export function StreamIndicator({ status }: { status: StreamStatus }) {
  if (status.state === 'live') return <span className="live live-on">● Live</span>;
  if (status.state === 'connecting') return <span className="live">Connecting…</span>;
  return (
    <span className="live live-off" title={status.reason}>
      Live updates interrupted ({status.reason}); retrying in {Math.round(status.inMs / 1000)} s
    </span>
  );
}
