// The workflow definition as xyflow nodes and edges. Two node kinds: branch nodes (which label
// their outgoing edges with `when`) and every other step.
import type { Edge, Node } from '@xyflow/react'
import type { WorkflowDefinition, WorkflowEdgeDefinition, WorkflowNodeDefinition } from '../api/types'
import type { StateCounts } from './grouping'
import type { Position } from './layout'
import type { NodeRunState } from './nodeStates'

export interface WorkflowNodeData extends Record<string, unknown> {
  definition: WorkflowNodeDefinition
  state: NodeRunState
  /** The node of the selected span. */
  highlighted: boolean
  /** For a group of parallel siblings: how many, and how many in each state. */
  group?: { size: number; counts: StateCounts }
  /** Figures drawn on the node (the Stats and Compare views). */
  decoration?: NodeDecoration
  /** While it runs past its usual p95: "running 3.4× its usual p95 (1.2s)". */
  longerThanUsual?: string
  /** What other services sent below this node in the selected run's trace (OTLP), in words. */
  downstream?: string
}

/** What the Stats and Compare views draw on a node besides its definition. */
export interface NodeDecoration {
  /** The node's colour on the chosen measure, 0 (lowest) to 1 (highest); null for no figures. */
  heat?: number | null
  /** A short mark beside the type: "added", "removed", "not run on the left". */
  badge?: string
  /** A CSS modifier for the mark's colour (wf-node--tone-…). */
  tone?: string
  /** Lines of figures. */
  lines: readonly string[]
  /** The node's state where one side's run colours it (Compare). */
  state?: NodeRunState
}

export type StepNode = Node<WorkflowNodeData, 'step'>
export type BranchNode = Node<WorkflowNodeData, 'branch'>
export type CanvasNode = StepNode | BranchNode

export const isBranchNode = (node: CanvasNode): node is BranchNode => node.type === 'branch'
export const isStepNode = (node: CanvasNode): node is StepNode => node.type === 'step'

export function toCanvasNodes(
  definition: WorkflowDefinition,
  positions: ReadonlyMap<string, Position>,
  states: ReadonlyMap<string, NodeRunState>,
  highlightedNodeId: string | null,
  groups: ReadonlyMap<string, { size: number; counts: StateCounts }> = new Map(),
  decorations?: ReadonlyMap<string, NodeDecoration>,
): CanvasNode[] {
  return definition.nodes.map((node): CanvasNode => {
    const common = {
      id: node.id,
      position: positions.get(node.id) ?? { x: 0, y: 0 },
      data: {
        definition: node,
        state: states.get(node.id) ?? 'idle',
        highlighted: node.id === highlightedNodeId,
        group: groups.get(node.id),
        decoration: decorations?.get(node.id),
      },
    }
    return node.type === 'branch' ? { ...common, type: 'branch' } : { ...common, type: 'step' }
  })
}

/** The definition's edges; one saved without any (a single node) has none. */
export function edgesOf(definition: WorkflowDefinition): readonly WorkflowEdgeDefinition[] {
  return definition.edges ?? []
}

export function toCanvasEdges(definition: WorkflowDefinition): Edge[] {
  return edgesOf(definition).map((edge, index) => ({
    // Index too: nothing forbids two edges between the same nodes.
    id: `${edge.from}->${edge.to}#${index}`,
    source: edge.from,
    target: edge.to,
    label: edge.when ?? undefined,
    className: edge.when ? `wf-edge wf-edge--${edge.when}` : 'wf-edge',
  }))
}
