import { describe, expect, it } from 'vitest'
import type { WorkflowNodeDefinition } from '../api/types'
import { makeSpan } from '../../test/fixtures/spans'
import { nodeRunStates } from './nodeStates'

const node = (id: string, type: string): WorkflowNodeDefinition => ({ id, type, config: {} })
const nodes = [node('check', 'branch'), node('yes', 'llm'), node('no', 'transform'), node('after', 'transform')]
const edges = [
  { from: 'check', to: 'yes', when: 'true' },
  { from: 'check', to: 'no', when: 'false' },
  { from: 'yes', to: 'after' },
]

describe('nodeRunStates', () => {
  it('is idle without a run', () => {
    expect([...nodeRunStates(nodes, edges, null).values()]).toEqual(['idle', 'idle', 'idle', 'idle'])
  })

  it('colours nodes by their node span and greys the ones not reached', () => {
    const spans = [
      makeSpan({ spanId: 'r', name: 'run branching' }),
      makeSpan({ spanId: 'c', name: 'branch check', nodeId: 'check', status: 'OK' }),
      makeSpan({
        spanId: 'y1',
        name: 'yes attempt 1',
        nodeId: 'yes',
        status: 'ERROR',
        attributes: { 'workflow.node.attempt': 1 },
      }),
      makeSpan({ spanId: 'y', name: 'llm yes', nodeId: 'yes', status: 'ERROR' }),
    ]
    const states = nodeRunStates(nodes, edges, { status: 'FAILED', spans })
    expect(Object.fromEntries(states)).toEqual({ check: 'succeeded', yes: 'failed', no: 'skipped', after: 'skipped' })
  })

  it('shows the next node as running while the run is in progress', () => {
    const spans = [makeSpan({ spanId: 'c', name: 'branch check', nodeId: 'check' })]
    const states = nodeRunStates(nodes, edges, { status: 'RUNNING', spans })
    expect(states.get('check')).toBe('succeeded')
    expect(states.get('yes')).toBe('running')
    expect(states.get('after')).toBe('skipped')
  })
})
