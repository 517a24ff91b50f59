import { describe, expect, it } from 'vitest'
import { COLUMN_WIDTH, ROW_HEIGHT, layoutByDepth, topologicalDepths } from './layout'

const edge = (from: string, to: string) => ({ from, to })

describe('topologicalDepths', () => {
  it('puts each node one column after its deepest parent', () => {
    // a -> b -> d, a -> c -> d, a -> d
    const depths = topologicalDepths(
      ['a', 'b', 'c', 'd'],
      [edge('a', 'b'), edge('b', 'd'), edge('a', 'c'), edge('c', 'd'), edge('a', 'd')],
    )
    expect(Object.fromEntries(depths)).toEqual({ a: 0, b: 1, c: 1, d: 2 })
  })

  it('handles several start nodes and isolated nodes', () => {
    const depths = topologicalDepths(['x', 'y', 'z'], [edge('y', 'z')])
    expect(Object.fromEntries(depths)).toEqual({ x: 0, y: 0, z: 1 })
  })

  it('ignores edges to unknown nodes and still places nodes in a cycle', () => {
    const depths = topologicalDepths(
      ['a', 'b', 'c'],
      [edge('a', 'b'), edge('b', 'c'), edge('c', 'b'), edge('a', 'ghost')],
    )
    expect(depths.get('a')).toBe(0)
    expect(depths.get('b')).toBe(1)
    expect(depths.get('c')).toBe(1)
  })
})

describe('layoutByDepth', () => {
  it('lays out left to right, centring each column', () => {
    const positions = layoutByDepth(
      ['start', 'yes', 'no', 'end'],
      [edge('start', 'yes'), edge('start', 'no'), edge('yes', 'end'), edge('no', 'end')],
    )
    expect(positions.get('start')).toEqual({ x: 0, y: 0 })
    expect(positions.get('yes')).toEqual({ x: COLUMN_WIDTH, y: -ROW_HEIGHT / 2 })
    expect(positions.get('no')).toEqual({ x: COLUMN_WIDTH, y: ROW_HEIGHT / 2 })
    expect(positions.get('end')).toEqual({ x: 2 * COLUMN_WIDTH, y: 0 })
  })

  it('orders a column by its parents to avoid crossings', () => {
    // a1 above a2, but their children are listed the other way round.
    const positions = layoutByDepth(['a1', 'a2', 'b2', 'b1'], [edge('a1', 'b1'), edge('a2', 'b2')])
    expect(positions.get('b1')!.y).toBeLessThan(positions.get('b2')!.y)
  })

  it('lays out a wide fan-out', () => {
    const ids = ['start', ...Array.from({ length: 1000 }, (_, i) => `n${i}`)]
    const positions = layoutByDepth(
      ids,
      ids.slice(1).map((id) => edge('start', id)),
    )
    expect(positions.size).toBe(1001)
    expect(new Set([...positions.values()].map((p) => `${p.x},${p.y}`)).size).toBe(1001)
  })
})
