// Tiny span fixtures for tests.
import type { Span } from '../api/types'

export function makeSpan(fields: Partial<Span> & { spanId: string }): Span {
  return {
    parentSpanId: null,
    name: fields.spanId,
    kind: 'INTERNAL',
    status: 'UNSET',
    statusMessage: null,
    nodeId: null,
    startTime: '2024-05-01T10:00:00Z',
    offsetMicros: 0,
    durationMicros: 1000,
    depth: 0,
    childCount: 0,
    attributes: {},
    events: [],
    ...fields,
  }
}

/** A synthetic trace: one root with `count - 1` children, each a leaf. */
export function flatTrace(count: number): Span[] {
  const spans: Span[] = [makeSpan({ spanId: 's0', name: 'run big', childCount: count - 1, durationMicros: count * 10 })]
  for (let i = 1; i < count; i++) {
    spans.push(
      makeSpan({
        spanId: `s${i}`,
        parentSpanId: 's0',
        name: `transform n${i}`,
        nodeId: `n${i}`,
        depth: 1,
        offsetMicros: i * 10,
        durationMicros: 10,
        status: i % 100 === 0 ? 'ERROR' : 'OK',
      }),
    )
  }
  return spans
}
