import { describe, expect, it } from 'vitest'
import { makeSpan } from '../../test/fixtures/spans'
import { sortSpanTable, spanTableRows } from './spanTable'

const spans = [
  makeSpan({ spanId: 'run', name: 'run w', offsetMicros: 0, durationMicros: 100 }),
  makeSpan({
    spanId: 'a',
    parentSpanId: 'run',
    name: 'llm a',
    offsetMicros: 0,
    durationMicros: 40,
    attributes: { 'workflow.node.type': 'llm' },
  }),
  makeSpan({
    spanId: 'b',
    parentSpanId: 'run',
    name: 'http b',
    offsetMicros: 30,
    durationMicros: 40,
    status: 'ERROR',
    attributes: { 'workflow.node.type': 'http' },
  }),
  makeSpan({ spanId: 'a1', parentSpanId: 'a', name: 'a attempt 1', offsetMicros: 5, durationMicros: 30 }),
]

describe('spanTable', () => {
  it('takes the time children ran (overlaps once) out of each span as its self time', () => {
    const self = Object.fromEntries(spanTableRows(spans).map((row) => [row.span.spanId, row.selfMicros]))
    expect(self).toEqual({ run: 30, a: 10, b: 40, a1: 30 })
  })

  it('sorts by any column, either way, ties in trace order', () => {
    const rows = spanTableRows(spans)
    const ids = (column: Parameters<typeof sortSpanTable>[1]['column'], descending: boolean) =>
      sortSpanTable(rows, { column, descending }).map((row) => row.span.spanId)
    expect(ids('self', true)).toEqual(['b', 'run', 'a1', 'a'])
    expect(ids('duration', false)).toEqual(['a1', 'a', 'b', 'run'])
    expect(ids('status', false)).toEqual(['b', 'run', 'a', 'a1'])
    expect(ids('nodeType', true)).toEqual(['a', 'b', 'run', 'a1'])
  })
})
