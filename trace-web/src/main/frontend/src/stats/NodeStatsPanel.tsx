import type { StatsRange } from '../api/hooks'
import type { NodeStats } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { formatCost, formatMillis } from '../ui/format'
import { NodeExecutionsList } from './NodeExecutionsList'
import { formatRate } from './nodeFigures'
import './NodeStatsPanel.css'

interface NodeStatsPanelProps {
  workflowId: string
  nodeId: string
  /** The range (and version) the figures are of; the executions listed are of it too. */
  range: StatsRange
  /** Null when the node has no figures in the range. */
  stats: NodeStats | null
  currency: string
}

/**
 * One node's figures over the range, with links to its slowest and latest failed traces, and its
 * executions in the range.
 */
export function NodeStatsPanel({ workflowId, nodeId, range, stats, currency }: NodeStatsPanelProps) {
  const openTrace = useCanvasStore((s) => s.openTrace)
  return (
    <aside className="details-pane node-stats" data-testid="node-stats-panel" aria-label={`Statistics of ${nodeId}`}>
      <h3 className="node-stats__title">{nodeId}</h3>
      {!stats ? (
        <p className="note">This node did not run in this range (or in this version).</p>
      ) : (
        <>
          <dl className="node-stats__figures">
            <Figure term="Executions" value={stats.executions.toLocaleString('en')} />
            <Figure
              term="Succeeded / failed / cancelled"
              value={`${stats.succeeded} / ${stats.failed} / ${stats.cancelled}`}
            />
            <Figure term="Error rate" value={formatRate(stats.errorRate)} />
            <Figure term="Retry rate" value={`${formatRate(stats.retryRate)} (attempts beyond the first)`} />
            <Figure
              term="p50 / p95 / p99"
              value={`${formatMillis(stats.p50Ms)} / ${formatMillis(stats.p95Ms)} / ${formatMillis(stats.p99Ms)}`}
            />
            <Figure term="Slowest" value={formatMillis(stats.slowestMs)} />
            <Figure
              term="Tokens in / out"
              value={`${stats.inputTokens.toLocaleString('en')} / ${stats.outputTokens.toLocaleString('en')}`}
            />
            <Figure term="Cost" value={formatCost(stats.cost, currency)} />
          </dl>
          <p className="note">
            Percentiles are the upper bounds of duration buckets that grow by 2<sup>1/4</sup> (docs/api.md).
          </p>
          <div className="node-stats__links">
            {stats.slowestTraceId && (
              <button
                type="button"
                className="button"
                onClick={() => openTrace(stats.slowestTraceId!, null)}
                data-testid="node-stats-slowest"
              >
                Open the slowest trace ({formatMillis(stats.slowestMs)})
              </button>
            )}
            {stats.latestFailedTraceId && (
              <button
                type="button"
                className="button"
                onClick={() => openTrace(stats.latestFailedTraceId!, null)}
                data-testid="node-stats-latest-failed"
              >
                Open the latest failed trace
              </button>
            )}
          </div>
          <NodeExecutionsList workflowId={workflowId} nodeId={nodeId} range={range} />
        </>
      )}
    </aside>
  )
}

function Figure({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  )
}
