import { describe, expect, it } from 'vitest'
import type { WorkflowDefinition } from '../api/types'
import { isBranchNode, isStepNode, toCanvasEdges, toCanvasNodes } from './graphModel'

const definition: WorkflowDefinition = {
  id: 'branching',
  version: 1,
  name: 'Branching',
  description: null,
  nodes: [
    { id: 'check', type: 'branch', config: { condition: 'inputs.n > 1' } },
    { id: 'big', type: 'llm', config: {} },
    { id: 'small', type: 'transform', config: {} },
  ],
  edges: [
    { from: 'check', to: 'big', when: 'true' },
    { from: 'check', to: 'small', when: 'false' },
  ],
}

describe('graph model', () => {
  it('makes branch nodes and step nodes, with state and highlight', () => {
    const nodes = toCanvasNodes(definition, new Map([['big', { x: 260, y: 0 }]]), new Map([['big', 'failed']]), 'big')
    expect(nodes.filter(isBranchNode).map((n) => n.id)).toEqual(['check'])
    expect(nodes.filter(isStepNode).map((n) => n.id)).toEqual(['big', 'small'])
    const big = nodes[1]
    expect(big.position).toEqual({ x: 260, y: 0 })
    expect(big.data.state).toBe('failed')
    expect(big.data.highlighted).toBe(true)
    expect(nodes[2].data.state).toBe('idle')
  })

  it('labels branch edges with their condition', () => {
    const edges = toCanvasEdges(definition)
    expect(edges.map((e) => [e.source, e.target, e.label])).toEqual([
      ['check', 'big', 'true'],
      ['check', 'small', 'false'],
    ])
  })
})
