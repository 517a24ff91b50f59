// Definitions carry no positions, so the graph is laid out left to right by topological depth:
// a node's column is the length of the longest path reaching it from a start node.
import type { WorkflowEdgeDefinition } from '../api/types'

export interface Position {
  x: number
  y: number
}

export const COLUMN_WIDTH = 260
export const ROW_HEIGHT = 110

/**
 * Longest-path depth of every node (Kahn's algorithm). Nodes caught in a cycle, which a valid
 * definition never has, go one column past the deepest node placed rather than being lost.
 */
export function topologicalDepths(
  nodeIds: readonly string[],
  edges: readonly WorkflowEdgeDefinition[],
): Map<string, number> {
  const known = new Set(nodeIds)
  const incoming = new Map<string, number>(nodeIds.map((id) => [id, 0]))
  const outgoing = new Map<string, string[]>(nodeIds.map((id) => [id, []]))
  for (const edge of edges) {
    if (!known.has(edge.from) || !known.has(edge.to)) continue
    outgoing.get(edge.from)!.push(edge.to)
    incoming.set(edge.to, incoming.get(edge.to)! + 1)
  }

  const depths = new Map<string, number>()
  const queue = nodeIds.filter((id) => incoming.get(id) === 0)
  for (const id of queue) depths.set(id, 0)
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head]
    const next = depths.get(id)! + 1
    for (const target of outgoing.get(id)!) {
      depths.set(target, Math.max(depths.get(target) ?? 0, next))
      const remaining = incoming.get(target)! - 1
      incoming.set(target, remaining)
      if (remaining === 0) queue.push(target)
    }
  }

  const placed = queue.map((id) => depths.get(id)!)
  const deepest = placed.reduce((a, b) => Math.max(a, b), -1)
  for (const id of nodeIds) {
    if (incoming.get(id)! > 0) depths.set(id, deepest + 1)
  }
  return depths
}

/**
 * Positions: one column per depth, nodes stacked in each column and centred on the same line.
 * Within a column nodes follow the average row of their parents, which keeps edges from crossing
 * in the common cases; ties keep the definition's order.
 */
export function layoutByDepth(
  nodeIds: readonly string[],
  edges: readonly WorkflowEdgeDefinition[],
): Map<string, Position> {
  const depths = topologicalDepths(nodeIds, edges)
  const parents = new Map<string, string[]>()
  for (const edge of edges) {
    if (depths.has(edge.from) && depths.has(edge.to)) {
      const list = parents.get(edge.to)
      if (list) list.push(edge.from)
      else parents.set(edge.to, [edge.from])
    }
  }

  const columns: string[][] = []
  for (const id of nodeIds) {
    const depth = depths.get(id)!
    if (!columns[depth]) columns[depth] = []
    columns[depth].push(id)
  }

  const rowOf = new Map<string, number>()
  const positions = new Map<string, Position>()
  columns.forEach((column, depth) => {
    const order = new Map(column.map((id, index) => [id, index]))
    const parentRow = (id: string) => {
      const rows = (parents.get(id) ?? []).map((p) => rowOf.get(p)).filter((r): r is number => r !== undefined)
      return rows.length ? rows.reduce((a, b) => a + b, 0) / rows.length : order.get(id)!
    }
    const sortKey = new Map(column.map((id) => [id, parentRow(id)]))
    const sorted = [...column].sort((a, b) => sortKey.get(a)! - sortKey.get(b)! || order.get(a)! - order.get(b)!)
    sorted.forEach((id, index) => {
      // Rows are centred around 0, so a single node sits level with the middle of a tall column.
      const row = index - (sorted.length - 1) / 2
      rowOf.set(id, row)
      positions.set(id, { x: depth * COLUMN_WIDTH, y: row * ROW_HEIGHT })
    })
  })
  return positions
}
