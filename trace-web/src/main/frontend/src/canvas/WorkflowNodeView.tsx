// How xyflow draws a workflow node: type, label, state in the selected run, retries; a branch shows its test.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo, type CSSProperties } from 'react'
import type { BranchNode, StepNode, WorkflowNodeData } from './graphModel'
import './WorkflowNodeView.css'

const typeIcons: Record<string, string> = {
  llm: '✦',
  http: '⇄',
  transform: 'ƒ',
  branch: '◇',
  delay: '⏱',
  fail: '✕',
}

const stateLabels = {
  succeeded: 'succeeded',
  failed: 'failed',
  skipped: 'not run',
  running: 'running',
  queued: 'waiting',
  cancelled: 'cancelled',
  idle: '',
} as const

/** What a group's members did, e.g. "1,000 nodes · 998 succeeded · 2 failed". */
function groupSummary(group: NonNullable<WorkflowNodeData['group']>): string {
  const parts = [`${group.size.toLocaleString('en')} nodes`]
  for (const [state, count] of Object.entries(group.counts)) {
    if (state !== 'idle' && count)
      parts.push(`${count.toLocaleString('en')} ${stateLabels[state as keyof typeof stateLabels] || state}`)
  }
  return parts.join(' · ')
}

function NodeBody({ data, extra }: { data: WorkflowNodeData; extra?: string }) {
  const { definition, state, highlighted, group, decoration, longerThanUsual, downstream } = data
  const maxAttempts = definition.retry?.maxAttempts ?? 1
  const retry = maxAttempts > 1 && !decoration ? `up to ${maxAttempts} attempts` : null
  const heat = decoration?.heat
  const classes = [
    'wf-node',
    `wf-node--${state}`,
    highlighted && 'wf-node--highlighted',
    group && 'wf-node--group',
    heat !== undefined && (heat === null ? 'wf-node--no-figures' : 'wf-node--heat'),
    longerThanUsual && 'wf-node--longer',
  ]
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      style={heat !== undefined && heat !== null ? ({ '--heat': heat.toFixed(3) } as CSSProperties) : undefined}
      data-testid={`graph-node-${definition.id}`}
      data-state={state}
      data-heat={heat ?? undefined}
      title={`${definition.type} ${definition.id}${stateLabels[state] ? ` — ${stateLabels[state]}` : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="wf-node__type">
        <span aria-hidden="true">{typeIcons[definition.type] ?? '•'}</span> {definition.type}
        {decoration?.badge ? (
          <span className={`wf-node__state wf-node--tone-${decoration.tone ?? 'plain'}`} data-testid="graph-node-badge">
            {decoration.badge}
          </span>
        ) : (
          stateLabels[state] && <span className="wf-node__state">{stateLabels[state]}</span>
        )}
      </div>
      <div className="wf-node__label">{definition.label || definition.id}</div>
      {group && (
        <div className="wf-node__meta" data-testid="graph-group-summary">
          {groupSummary(group)}
        </div>
      )}
      {extra && <div className="wf-node__meta">{extra}</div>}
      {longerThanUsual && (
        <div className="wf-node__longer" data-testid="graph-node-longer" role="status">
          ⚠ {longerThanUsual}
        </div>
      )}
      {downstream && (
        <div className="wf-node__downstream" data-testid="graph-node-downstream" title="Spans the called service sent">
          {downstream}
        </div>
      )}
      {decoration?.lines.map((line) => (
        <div key={line} className="wf-node__figure" data-testid="graph-node-figure">
          {line}
        </div>
      ))}
      {retry && <div className="wf-node__meta">{retry}</div>}
      <Handle type="source" position={Position.Right} isConnectable={false} />
    </div>
  )
}

export const StepNodeView = memo(function StepNodeView({ data }: NodeProps<StepNode>) {
  return <NodeBody data={data} />
})

export const BranchNodeView = memo(function BranchNodeView({ data }: NodeProps<BranchNode>) {
  const { condition, expression } = data.definition.config ?? {}
  const test = typeof condition === 'string' ? condition : typeof expression === 'string' ? expression : undefined
  return <NodeBody data={data} extra={test ? `if ${test}` : undefined} />
})
