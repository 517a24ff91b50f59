import { describe, expect, it } from 'vitest'
import type { WorkflowDefinition } from '../api/types'
import { countStates, groupParallelSiblings, groupState } from './grouping'

function fanOut(items: number): WorkflowDefinition {
  const ids = Array.from({ length: items }, (_, i) => `item-${i}`)
  return {
    id: 'fan',
    version: 1,
    name: 'fan',
    nodes: [
      { id: 'split', type: 'transform', config: {} },
      ...ids.map((id) => ({ id, type: 'transform', config: {} })),
      { id: 'join', type: 'transform', config: {} },
    ],
    edges: ids.flatMap((id) => [
      { from: 'split', to: id },
      { from: id, to: 'join' },
    ]),
  }
}

describe('groupParallelSiblings', () => {
  it('draws a 1,000-item fan-out as split, one group, join', () => {
    const grouped = groupParallelSiblings(fanOut(1000))
    expect(grouped.definition.nodes.map((n) => n.id)).toEqual(['split', 'group:item-0', 'join'])
    expect(grouped.definition.nodes[1].label).toBe('item-0 … item-999')
    expect(grouped.definition.edges).toEqual([
      { from: 'split', to: 'group:item-0' },
      { from: 'group:item-0', to: 'join' },
    ])
    expect(grouped.members.get('group:item-0')).toHaveLength(1000)
    expect(grouped.groupOf.get('item-500')).toBe('group:item-0')
  })

  it('leaves small fan-outs and branches alone', () => {
    const small = fanOut(5)
    expect(groupParallelSiblings(small).definition).toBe(small)
  })

  it('sums up a group by what needs attention first', () => {
    const states = new Map([
      ['a', 'succeeded' as const],
      ['b', 'failed' as const],
      ['c', 'succeeded' as const],
    ])
    const counts = countStates(['a', 'b', 'c'], states)
    expect(counts).toEqual({ succeeded: 2, failed: 1 })
    expect(groupState(counts)).toBe('failed')
    expect(groupState({ succeeded: 3 })).toBe('succeeded')
    expect(groupState({ succeeded: 3, running: 1 })).toBe('running')
    expect(groupState({ idle: 4 })).toBe('idle')
  })
})
