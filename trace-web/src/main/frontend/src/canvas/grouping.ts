// Big fan-outs drawn readably: parallel siblings (the same node type, the same predecessors and
// successors, no branch labels on their edges) become one group node when there are many of
// them. The 1,002-node sample fan-out draws as three nodes: split, 1,000 items, join.
import type { WorkflowDefinition, WorkflowEdgeDefinition, WorkflowNodeDefinition } from '../api/types'
import type { NodeRunState } from './nodeStates'

/** Fewer siblings than this stay single nodes: they are readable as they are. */
export const MIN_GROUP_SIZE = 12

export interface GroupedWorkflow {
  /** The definition with each group as one node (its id `group:<first member>`). */
  definition: WorkflowDefinition
  /** Members of each group, by the group's node id. */
  members: ReadonlyMap<string, readonly string[]>
  /** The group node of each grouped node id. */
  groupOf: ReadonlyMap<string, string>
}

export function groupParallelSiblings(definition: WorkflowDefinition, minSize = MIN_GROUP_SIZE): GroupedWorkflow {
  const edges = definition.edges ?? []
  const incoming = new Map<string, string[]>()
  const outgoing = new Map<string, string[]>()
  const labelled = new Set<string>()
  for (const edge of edges) {
    ;(incoming.get(edge.to) ?? incoming.set(edge.to, []).get(edge.to)!).push(edge.from)
    ;(outgoing.get(edge.from) ?? outgoing.set(edge.from, []).get(edge.from)!).push(edge.to)
    if (edge.when) labelled.add(edge.to)
  }
  const siblings = new Map<string, WorkflowNodeDefinition[]>()
  for (const node of definition.nodes) {
    if (labelled.has(node.id) || node.type === 'branch') continue
    const key = [
      node.type,
      [...(incoming.get(node.id) ?? [])].sort().join(','),
      [...(outgoing.get(node.id) ?? [])].sort().join(','),
    ].join('|')
    ;(siblings.get(key) ?? siblings.set(key, []).get(key)!).push(node)
  }

  const members = new Map<string, string[]>()
  const groupOf = new Map<string, string>()
  for (const nodes of siblings.values()) {
    if (nodes.length < minSize) continue
    const id = `group:${nodes[0].id}`
    members.set(
      id,
      nodes.map((node) => node.id),
    )
    for (const node of nodes) groupOf.set(node.id, id)
  }
  if (members.size === 0) return { definition, members, groupOf }

  const nodes: WorkflowNodeDefinition[] = []
  for (const node of definition.nodes) {
    const group = groupOf.get(node.id)
    if (!group) nodes.push(node)
    else if (members.get(group)![0] === node.id) {
      const ids = members.get(group)!
      nodes.push({ id: group, type: node.type, label: `${ids[0]} … ${ids[ids.length - 1]}`, config: {} })
    }
  }
  const seen = new Set<string>()
  const groupedEdges: WorkflowEdgeDefinition[] = []
  for (const edge of edges) {
    const from = groupOf.get(edge.from) ?? edge.from
    const to = groupOf.get(edge.to) ?? edge.to
    const key = `${from}->${to}|${edge.when ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    groupedEdges.push({ ...edge, from, to })
  }
  return { definition: { ...definition, nodes, edges: groupedEdges }, members, groupOf }
}

export type StateCounts = Partial<Record<NodeRunState, number>>

/** How many members are in each state. */
export function countStates(memberIds: readonly string[], states: ReadonlyMap<string, NodeRunState>): StateCounts {
  const counts: StateCounts = {}
  for (const id of memberIds) {
    const state = states.get(id) ?? 'idle'
    counts[state] = (counts[state] ?? 0) + 1
  }
  return counts
}

/** One state for a group: what needs attention first (failed, running, cancelled), else the common one. */
export function groupState(counts: StateCounts): NodeRunState {
  for (const state of ['failed', 'running', 'cancelled'] as const) if (counts[state]) return state
  const present = Object.keys(counts) as NodeRunState[]
  if (present.length === 1) return present[0]
  if (counts.succeeded) return 'succeeded' // some skipped beside them
  return counts.queued ? 'queued' : 'idle'
}
