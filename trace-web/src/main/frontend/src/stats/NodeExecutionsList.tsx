import { useState } from 'react'
import type { StatsRange } from '../api/hooks'
import { useNodeExecutions } from '../api/hooks'
import { useCanvasStore } from '../store/canvasStore'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { formatDateTime, formatMillis } from '../ui/format'

/** How many executions the panel lists. */
export const EXECUTIONS_SHOWN = 10

interface NodeExecutionsListProps {
  workflowId: string
  nodeId: string
  range: StatsRange
}

/**
 * The runs behind a node's figures: its executions in the range, latest or slowest first, all or
 * failed only, each opening its trace at the node's span.
 */
export function NodeExecutionsList({ workflowId, nodeId, range }: NodeExecutionsListProps) {
  const openTrace = useCanvasStore((s) => s.openTrace)
  const [order, setOrder] = useState<'latest' | 'slowest'>('latest')
  const [failedOnly, setFailedOnly] = useState(false)
  const executions = useNodeExecutions(workflowId, nodeId, {
    ...range,
    order,
    status: failedOnly ? 'failed' : 'all',
    limit: EXECUTIONS_SHOWN,
  })
  return (
    <section className="node-executions" aria-label={`Executions of ${nodeId}`}>
      <h4 className="node-executions__title">Executions</h4>
      <div className="node-executions__choices">
        <label>
          <span className="visually-hidden">Order</span>
          <select
            value={order}
            onChange={(e) => setOrder(e.target.value as 'latest' | 'slowest')}
            data-testid="node-executions-order"
          >
            <option value="latest">Latest first</option>
            <option value="slowest">Slowest first</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={failedOnly}
            onChange={(e) => setFailedOnly(e.target.checked)}
            data-testid="node-executions-failed"
          />{' '}
          Failed only
        </label>
      </div>
      {executions.status === 'loading' && <Spinner label="Loading executions…" />}
      {executions.status === 'error' && <ErrorBox error={executions.error} title="Could not load the executions" />}
      {executions.status === 'success' &&
        (executions.data.executions.length === 0 ? (
          <p className="note">{failedOnly ? 'No failed execution in this range.' : 'No execution in this range.'}</p>
        ) : (
          <ol className="node-executions__list" data-testid="node-executions">
            {executions.data.executions.map((execution) => (
              <li key={`${execution.traceId}/${execution.spanId}`}>
                <button
                  type="button"
                  className={`node-executions__item${execution.failed ? ' node-executions__item--failed' : ''}`}
                  onClick={() => openTrace(execution.traceId, execution.spanId)}
                  title={execution.error ?? undefined}
                  data-testid="node-execution"
                >
                  <span className="node-executions__time">{formatDateTime(execution.startedAt)}</span>
                  <span className="node-executions__duration">{formatMillis(execution.durationMs)}</span>
                  <span className="node-executions__version">v{execution.version ?? '?'}</span>
                  <span className="node-executions__status">{execution.failed ? 'failed' : 'ok'}</span>
                </button>
              </li>
            ))}
          </ol>
        ))}
    </section>
  )
}
