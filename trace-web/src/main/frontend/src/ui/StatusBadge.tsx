import type { RunStatus, SpanStatus } from '../api/types'

const tone: Record<RunStatus | SpanStatus, string> = {
  SUCCEEDED: 'ok',
  OK: 'ok',
  FAILED: 'error',
  ERROR: 'error',
  RUNNING: 'running',
  UNSET: 'neutral',
}

export function StatusBadge({ status }: { status: RunStatus | SpanStatus }) {
  return <span className={`status-badge status-badge--${tone[status] ?? 'neutral'}`}>{status}</span>
}
