// The colour of each node for the selected run: from the run's events while it is watched live,
// otherwise from the spans of its trace.
import type { RunStatus, Span, WorkflowEdgeDefinition, WorkflowNodeDefinition } from '../api/types'
import type { LiveRunState } from '../live/liveRun'
import { nodeSpansByNodeId } from '../trace/spanFacts'

/**
 * idle: no run selected; skipped: the run did not reach the node (e.g. the branch not taken);
 * queued: the run has not reached it yet; cancelled: stopped by a cancel.
 */
export type NodeRunState = 'succeeded' | 'failed' | 'skipped' | 'running' | 'queued' | 'cancelled' | 'idle'

/** The nodes' states from the run's own events; null when the events tell none (nothing to colour by). */
export function liveNodeStates(
  nodes: readonly WorkflowNodeDefinition[],
  live: LiveRunState | null,
): Map<string, NodeRunState> | null {
  if (!live || Object.keys(live.nodes).length === 0) return null
  const states = new Map<string, NodeRunState>()
  for (const node of nodes) states.set(node.id, live.nodes[node.id]?.state ?? 'skipped')
  return states
}

export interface RunView {
  status: RunStatus
  spans: readonly Span[]
}

export function nodeRunStates(
  nodes: readonly WorkflowNodeDefinition[],
  edges: readonly WorkflowEdgeDefinition[],
  run: RunView | null,
): Map<string, NodeRunState> {
  const states = new Map<string, NodeRunState>()
  if (!run) {
    for (const node of nodes) states.set(node.id, 'idle')
    return states
  }
  const types = new Map(nodes.map((node) => [node.id, node.type]))
  const spans = nodeSpansByNodeId(run.spans, types)
  for (const node of nodes) {
    const span = spans.get(node.id)
    if (span) states.set(node.id, span.status === 'ERROR' ? 'failed' : 'succeeded')
  }

  // Spans are exported when they end, so during a run a node without a span whose parents have
  // all finished is the one running; nodes further on have not been reached yet.
  const parents = new Map<string, string[]>()
  for (const edge of edges) {
    const list = parents.get(edge.to)
    if (list) list.push(edge.from)
    else parents.set(edge.to, [edge.from])
  }
  for (const node of nodes) {
    if (states.has(node.id)) continue
    const parentsDone = (parents.get(node.id) ?? []).every((parent) => spans.has(parent))
    states.set(node.id, run.status === 'RUNNING' && parentsDone ? 'running' : 'skipped')
  }
  return states
}
