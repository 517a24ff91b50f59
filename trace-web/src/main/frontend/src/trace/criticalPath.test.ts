import { describe, expect, it } from 'vitest'
import { makeSpan } from '../../test/fixtures/spans'
import { criticalPath } from './criticalPath'

const span = (spanId: string, parentSpanId: string | null, offsetMicros: number, durationMicros: number) =>
  makeSpan({ spanId, parentSpanId, offsetMicros, durationMicros })

describe('criticalPath', () => {
  it('follows a chain through every step', () => {
    const spans = [
      span('run', null, 0, 100),
      span('a', 'run', 0, 30),
      span('a1', 'a', 1, 28),
      span('b', 'run', 30, 70),
      span('b1', 'b', 31, 20),
      span('b2', 'b', 52, 48),
    ]
    expect([...criticalPath(spans)].sort()).toEqual(['a', 'a1', 'b', 'b1', 'b2', 'run'])
  })

  it('takes only the branch that finished last in a fan-out', () => {
    const spans = [
      span('run', null, 0, 100),
      span('split', 'run', 0, 10),
      span('x', 'run', 10, 40),
      span('y', 'run', 10, 80),
      span('z', 'run', 12, 60),
      span('join', 'run', 90, 10),
    ]
    expect([...criticalPath(spans)].sort()).toEqual(['join', 'run', 'split', 'y'])
  })

  it('takes the last attempt and the waits between retries', () => {
    const spans = [
      span('run', null, 0, 100),
      span('node', 'run', 0, 100),
      span('try1', 'node', 0, 20),
      span('try2', 'node', 40, 20),
      span('try3', 'node', 80, 20),
    ]
    expect([...criticalPath(spans)].sort()).toEqual(['node', 'run', 'try1', 'try2', 'try3'])
  })

  it('starts from the run under the producer span of a queued run', () => {
    const spans = [
      makeSpan({ spanId: 'enqueue', offsetMicros: 0, durationMicros: 5 }),
      makeSpan({ spanId: 'run', parentSpanId: 'enqueue', role: 'run', offsetMicros: 3, durationMicros: 50 }),
      makeSpan({ spanId: 'n', parentSpanId: 'run', role: 'node', offsetMicros: 3, durationMicros: 50 }),
    ]
    expect([...criticalPath(spans)].sort()).toEqual(['n', 'run'])
  })

  it('ignores a producer span beside the run, and has nothing for no spans', () => {
    const spans = [span('enqueue', null, 0, 5), span('run', null, 3, 50), span('n', 'run', 3, 50)]
    expect([...criticalPath(spans)].sort()).toEqual(['n', 'run'])
    expect(criticalPath([]).size).toBe(0)
  })
})
