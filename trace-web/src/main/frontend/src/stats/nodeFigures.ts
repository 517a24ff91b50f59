// The Stats view's figures per node, and each node's colour on the chosen measure: pure functions
// of the API's per-node statistics.
import type { NodeStats } from '../api/types'
import type { NodeDecoration } from '../canvas/graphModel'
import { formatCost, formatMillis } from '../ui/format'
import type { Measure } from './statsQuery'

/** The node's value on a measure; null when it has none (no runs, or no priced call for cost). */
export function measureValue(node: NodeStats, measure: Measure): number | null {
  switch (measure) {
    case 'p95':
      return node.p95Ms ?? null
    case 'errorRate':
      return node.errorRate
    case 'retryRate':
      return node.retryRate
    case 'cost':
      return node.cost ?? null
  }
}

export function formatRate(rate: number): string {
  if (rate === 0) return '0%'
  const percent = rate * 100
  return `${percent < 1 ? percent.toFixed(1) : Math.round(percent)}%`
}

/** The node's figures on the graph, e.g. "12 runs · p95 1.2 s", "errors 8% · retries 25%". */
export function figureLines(node: NodeStats, currency: string): string[] {
  const lines = [
    `${node.executions.toLocaleString('en')} run${node.executions === 1 ? '' : 's'} · p95 ${formatMillis(node.p95Ms)}`,
    `errors ${formatRate(node.errorRate)} · retries ${formatRate(node.retryRate)}`,
  ]
  if (node.cost != null) lines.push(`cost ${formatCost(node.cost, currency)}`)
  return lines
}

/**
 * Every node of the graph with its figures and its heat: its value over the highest value of any
 * node (0 when all are 0); a node without figures is marked so (added later, or not run).
 */
export function statsDecorations(
  nodeIds: readonly string[],
  stats: readonly NodeStats[],
  measure: Measure,
  currency: string,
): Map<string, NodeDecoration> {
  const byNode = new Map(stats.map((node) => [node.nodeId, node]))
  const highest = Math.max(0, ...stats.map((node) => measureValue(node, measure) ?? 0))
  const decorations = new Map<string, NodeDecoration>()
  for (const id of nodeIds) {
    const node = byNode.get(id)
    if (!node || node.executions === 0) {
      decorations.set(id, { heat: null, lines: ['no runs in this range'] })
      continue
    }
    const value = measureValue(node, measure)
    decorations.set(id, {
      heat: value === null ? null : highest > 0 ? value / highest : 0,
      lines: figureLines(node, currency),
    })
  }
  return decorations
}

/** The node that stands out most on the measure: the one to look at first. */
export function hottestNode(stats: readonly NodeStats[], measure: Measure): NodeStats | null {
  let best: NodeStats | null = null
  for (const node of stats) {
    const value = measureValue(node, measure)
    if (value !== null && (best === null || value > (measureValue(best, measure) ?? -1))) best = node
  }
  return best
}
