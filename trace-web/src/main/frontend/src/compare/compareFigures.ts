// The Compare view's model: the two runs' aligned graph as a definition the graph component draws,
// and each node's mark and figures on both sides. Pure functions of GET /api/runs/compare.
import type { NodeComparison, NodeSide, RunComparison, WorkflowDefinition } from '../api/types'
import type { NodeDecoration } from '../canvas/graphModel'
import type { NodeRunState } from '../canvas/nodeStates'
import { formatCost, formatMillis } from '../ui/format'

/** The union of the two versions' graphs, drawn as one definition. */
export function alignedDefinition(comparison: RunComparison): WorkflowDefinition {
  return {
    id: comparison.workflowId,
    version: comparison.right.workflowVersion,
    name: comparison.workflowId,
    nodes: comparison.nodes.map((node) => ({ id: node.nodeId, type: node.type, label: node.label })),
    edges: comparison.edges.map((edge) => ({ from: edge.from, to: edge.to, when: edge.when ?? undefined })),
  } as WorkflowDefinition
}

const stateOfStatus: Record<string, NodeRunState> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
}

/** The mark of each kind of change; none for a node the same on both sides. */
export function changeLabel(node: NodeComparison): string | undefined {
  switch (node.change) {
    case 'added':
      return 'added'
    case 'removed':
      return 'removed'
    case 'notRunLeft':
      return 'only on the right'
    case 'notRunRight':
      return 'only on the left'
    case 'notRun':
      return 'not run'
    case 'status':
      return `${node.left?.status.toLowerCase()} → ${node.right?.status.toLowerCase()}`
    case 'changed':
      return 'changed'
    default:
      return undefined
  }
}

/** A difference with its sign: "+30 ms", "−1.2s", "±0". */
export function signed(value: number, format: (magnitude: number) => string): string {
  if (value === 0) return '±0'
  return `${value > 0 ? '+' : '−'}${format(Math.abs(value))}`
}

/** One figure on both sides, "left → right (difference)"; one side alone where the other has none. */
function both(left: string | null, right: string | null, difference: string | null): string {
  if (left === null) return `→ ${right}`
  if (right === null) return `${left} →`
  return difference === null ? `${left} → ${right}` : `${left} → ${right} (${difference})`
}

function tokens(side: NodeSide | null): string | null {
  return side ? side.totalTokens.toLocaleString('en') : null
}

/** The lines of figures on a node: duration always, attempts, tokens and cost where they say anything. */
export function compareLines(node: NodeComparison, currency: string): string[] {
  const { left, right, difference } = node
  if (!left && !right) return []
  const lines = [
    both(
      left && formatMillis(left.durationMs),
      right && formatMillis(right.durationMs),
      difference && signed(difference.durationMs, formatMillis),
    ),
  ]
  if ((left?.attempts ?? 1) > 1 || (right?.attempts ?? 1) > 1 || (difference && difference.attempts !== 0)) {
    lines.push(`attempts ${both(left && String(left.attempts), right && String(right.attempts), null)}`)
  }
  if ((left?.totalTokens ?? 0) > 0 || (right?.totalTokens ?? 0) > 0) {
    lines.push(
      `tokens ${both(tokens(left), tokens(right), difference && signed(difference.totalTokens, (n) => n.toLocaleString('en')))}`,
    )
  }
  if (left?.cost != null || right?.cost != null) {
    lines.push(
      `cost ${both(
        left && formatCost(left.cost, currency),
        right && formatCost(right.cost, currency),
        difference?.cost != null ? signed(difference.cost, (c) => formatCost(c, currency)) : null,
      )}`,
    )
  }
  return lines
}

/** Every node's mark, figures and colour (its right side's state, else its left side's). */
export function compareDecorations(comparison: RunComparison, currency: string): Map<string, NodeDecoration> {
  const decorations = new Map<string, NodeDecoration>()
  for (const node of comparison.nodes) {
    const side = node.right ?? node.left
    decorations.set(node.nodeId, {
      badge: changeLabel(node),
      tone: node.change.startsWith('notRun') ? 'notrun' : node.change,
      lines: compareLines(node, currency),
      state: side ? (stateOfStatus[side.status] ?? 'idle') : 'skipped',
    })
  }
  return decorations
}

/** The currency the runs' costs are in (the price table's); '' when neither run has usage. */
export function currencyOf(comparison: RunComparison): string {
  return comparison.right.usage?.currency ?? comparison.left.usage?.currency ?? ''
}
