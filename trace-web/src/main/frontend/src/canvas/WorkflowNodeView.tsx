// How xyflow draws a workflow node: type, label, state in the selected run, retries; a branch shows its test.
import { Handle, Position, type NodeProps } from '@xyflow/react'
import { memo } from 'react'
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
  const { definition, state, highlighted, group } = data
  const maxAttempts = definition.retry?.maxAttempts ?? 1
  const retry = maxAttempts > 1 ? `up to ${maxAttempts} attempts` : null
  return (
    <div
      className={`wf-node wf-node--${state}${highlighted ? ' wf-node--highlighted' : ''}${group ? ' wf-node--group' : ''}`}
      data-testid={`graph-node-${definition.id}`}
      data-state={state}
      title={`${definition.type} ${definition.id}${stateLabels[state] ? ` — ${stateLabels[state]}` : ''}`}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} />
      <div className="wf-node__type">
        <span aria-hidden="true">{typeIcons[definition.type] ?? '•'}</span> {definition.type}
        {stateLabels[state] && <span className="wf-node__state">{stateLabels[state]}</span>}
      </div>
      <div className="wf-node__label">{definition.label || definition.id}</div>
      {group && (
        <div className="wf-node__meta" data-testid="graph-group-summary">
          {groupSummary(group)}
        </div>
      )}
      {extra && <div className="wf-node__meta">{extra}</div>}
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
