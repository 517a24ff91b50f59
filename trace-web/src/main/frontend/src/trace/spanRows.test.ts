import { describe, expect, it } from 'vitest'
import { ancestorIds, buildRows, findMatches, nodeSpanIdsWithAttempts, parentSpanIds, rowIndexOf } from './spanRows'
import { flatTrace, makeSpan } from '../../test/fixtures/spans'

// run
// ├─ llm ask
// │  ├─ ask attempt 1
// │  └─ ask attempt 2
// └─ transform shape
const spans = [
  makeSpan({ spanId: 'run', name: 'run hello-llm', depth: 0, childCount: 2 }),
  makeSpan({
    spanId: 'ask',
    parentSpanId: 'run',
    name: 'llm ask',
    nodeId: 'ask',
    depth: 1,
    childCount: 2,
    attributes: { 'gen_ai.request.model': 'gpt-test' },
  }),
  makeSpan({ spanId: 'ask1', parentSpanId: 'ask', name: 'ask attempt 1', nodeId: 'ask', depth: 2 }),
  makeSpan({
    spanId: 'ask2',
    parentSpanId: 'ask',
    name: 'ask attempt 2',
    nodeId: 'ask',
    depth: 2,
    attributes: { 'http.response.status_code': 503, tags: ['Blue', 'green'] },
  }),
  makeSpan({ spanId: 'shape', parentSpanId: 'run', name: 'transform shape', nodeId: 'shape', depth: 1 }),
]

const ids = (rows: ReturnType<typeof buildRows>) => rows.map((row) => row.span.spanId)

describe('buildRows', () => {
  it('keeps the depth-first order when nothing is collapsed', () => {
    expect(ids(buildRows(spans, new Set()))).toEqual(['run', 'ask', 'ask1', 'ask2', 'shape'])
  })

  it('hides the descendants of a collapsed span, and only those', () => {
    const rows = buildRows(spans, new Set(['ask']))
    expect(ids(rows)).toEqual(['run', 'ask', 'shape'])
    expect(rows[1].collapsed).toBe(true)
    expect(rows[0].collapsed).toBe(false)
  })

  it('collapsing the root hides everything under it', () => {
    expect(ids(buildRows(spans, new Set(['run', 'ask'])))).toEqual(['run'])
  })

  it('ignores collapse marks on leaves', () => {
    const rows = buildRows(spans, new Set(['shape']))
    expect(rows).toHaveLength(5)
    expect(rows[4].collapsed).toBe(false)
  })

  it('builds 100,000 rows quickly', () => {
    const big = flatTrace(100_000)
    const started = performance.now()
    const rows = buildRows(big, new Set())
    const collapsed = buildRows(big, new Set(['s0']))
    expect(rows).toHaveLength(100_000)
    expect(collapsed).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('tree helpers', () => {
  it('lists parents and ancestors', () => {
    expect(parentSpanIds(spans)).toEqual(['run', 'ask'])
    expect(ancestorIds('ask2', spans)).toEqual(['ask', 'run'])
    expect(ancestorIds('run', spans)).toEqual([])
    expect(ancestorIds('missing', spans)).toEqual([])
  })

  it('folds every node onto itself: all nodes shown, no attempts', () => {
    expect(nodeSpanIdsWithAttempts(spans)).toEqual(['ask'])
    expect(ids(buildRows(spans, new Set(nodeSpanIdsWithAttempts(spans))))).toEqual(['run', 'ask', 'shape'])
  })

  it('finds a row by span id', () => {
    const rows = buildRows(spans, new Set(['ask']))
    expect(rowIndexOf(rows, 'shape')).toBe(2)
    expect(rowIndexOf(rows, 'ask1')).toBe(-1)
  })
})

describe('findMatches', () => {
  it('matches names, node ids and attribute values, ignoring case', () => {
    expect(findMatches(spans, 'ATTEMPT')).toEqual(['ask1', 'ask2'])
    expect(findMatches(spans, 'shape')).toEqual(['shape'])
    expect(findMatches(spans, 'gpt-test')).toEqual(['ask'])
    expect(findMatches(spans, '503')).toEqual(['ask2'])
    expect(findMatches(spans, 'blue')).toEqual(['ask2'])
  })

  it('matches nothing for blank or unknown text', () => {
    expect(findMatches(spans, '  ')).toEqual([])
    expect(findMatches(spans, 'nowhere')).toEqual([])
  })

  it('answers a repeated search from memory, per trace', () => {
    const first = findMatches(spans, 'attempt')
    expect(findMatches(spans, ' ATTEMPT ')).toBe(first)
    expect(findMatches([...spans], 'attempt')).not.toBe(first)
    expect(findMatches(spans, 'shape')).toEqual(['shape'])
  })

  it('does not match attribute keys', () => {
    expect(findMatches(spans, 'gen_ai.request')).toEqual([])
  })
})
