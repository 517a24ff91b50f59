import { describe, expect, it } from 'vitest'
import { makeSpan } from '../../test/fixtures/spans'
import { describeDownstream, downstreamByNode, serviceColor } from './services'

const spans = [
  makeSpan({ spanId: 'run', name: 'run http-call', childCount: 1 }),
  makeSpan({ spanId: 'call', parentSpanId: 'run', nodeId: 'call', role: 'node', depth: 1, childCount: 1 }),
  makeSpan({ spanId: 'att', parentSpanId: 'call', nodeId: 'call', role: 'attempt', depth: 2, childCount: 1 }),
  makeSpan({ spanId: 'srv', parentSpanId: 'att', foreign: true, service: 'inventory', depth: 3, childCount: 1 }),
  makeSpan({ spanId: 'db', parentSpanId: 'srv', foreign: true, service: 'stock-db', status: 'ERROR', depth: 4 }),
  makeSpan({ spanId: 'lost', parentSpanId: 'gone', foreign: true, service: 'elsewhere' }),
]

describe('downstreamByNode', () => {
  it('counts every foreign span once, at the nearest node of ours above it', () => {
    const downstream = downstreamByNode(spans)
    expect([...downstream.keys()]).toEqual(['call'])
    expect(downstream.get('call')).toEqual({ spans: 2, errors: 1, services: ['inventory', 'stock-db'] })
    expect(describeDownstream(downstream.get('call')!)).toBe('↳ 2 spans from inventory, stock-db · 1 error')
  })

  it('finds nothing in a trace of our own spans only', () => {
    expect(downstreamByNode(spans.filter((s) => !s.foreign)).size).toBe(0)
  })
})

describe('serviceColor', () => {
  it('gives a service the same colour every time, and others often another', () => {
    expect(serviceColor('inventory')).toBe(serviceColor('inventory'))
    const colours = new Set(['inventory', 'payments', 'search', 'auth', 'mail'].map(serviceColor))
    expect(colours.size).toBeGreaterThan(2)
  })
})
