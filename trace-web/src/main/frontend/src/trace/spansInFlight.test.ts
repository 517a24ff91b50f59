import { describe, expect, it } from 'vitest'
import type { Trace } from '../api/types'
import { makeSpan } from '../../test/fixtures/spans'
import { applyRunEvent, emptyLiveRun, type LiveRunState } from '../live/liveRun'
import { IN_FLIGHT_ATTRIBUTE, withSpansInFlight } from './spansInFlight'

const T0 = Date.UTC(2026, 0, 1)
const at = (ms: number) => new Date(T0 + ms).toISOString()

function liveWith(done: string, running: string): LiveRunState {
  let run = applyRunEvent(emptyLiveRun('r'), 'RunStarted', {
    runId: 'r',
    workflowId: 'chain',
    at: at(0),
    nodeIds: [done, running],
    traceId: 't',
    rootSpanId: 'root',
  })
  run = applyRunEvent(run, 'NodeAttemptStarted', {
    runId: 'r',
    nodeId: done,
    attempt: 1,
    at: at(10),
    nodeSpanId: `s-${done}`,
  })
  run = applyRunEvent(run, 'NodeAttemptEnded', { runId: 'r', nodeId: done, attempt: 1, at: at(400) })
  return applyRunEvent(run, 'NodeAttemptStarted', {
    runId: 'r',
    nodeId: running,
    attempt: 1,
    at: at(410),
    nodeSpanId: `s-${running}`,
  })
}

// As the server answers during the run: the ended node's spans only, the root not stored yet.
const stored: Trace = {
  traceId: 't',
  run: null,
  startTime: at(10),
  durationMicros: 390_000,
  spanCount: 2,
  errorCount: 0,
  completeness: {
    complete: false,
    expectedSpans: null,
    storedSpans: 2,
    rootPresent: false,
    orphanSpans: 1,
    missing: [],
    foreignSpans: 0,
    foreignServices: [],
  },
  detailsOmitted: false,
  spans: [
    makeSpan({
      spanId: 's-outline',
      parentSpanId: 'root',
      name: 'llm outline',
      nodeId: 'outline',
      startTime: at(10),
      durationMicros: 390_000,
      childCount: 1,
    }),
    makeSpan({
      spanId: 'a-outline',
      parentSpanId: 's-outline',
      name: 'outline attempt 1',
      nodeId: 'outline',
      startTime: at(11),
      depth: 1,
      durationMicros: 380_000,
    }),
  ],
}
const types = new Map([
  ['outline', 'llm'],
  ['draft', 'llm'],
])

describe('withSpansInFlight', () => {
  it('adds the open root and running node as growing bars, stored spans under them', () => {
    const trace = withSpansInFlight(stored, liveWith('outline', 'draft'), types, T0 + 1000)
    expect(trace.spans.map((s) => [s.spanId, s.depth])).toEqual([
      ['root', 0],
      ['s-outline', 1],
      ['a-outline', 2],
      ['s-draft', 1],
    ])
    const root = trace.spans[0]
    expect(root.name).toBe('run chain')
    expect(root.attributes[IN_FLIGHT_ATTRIBUTE]).toBe(true)
    expect(root.durationMicros).toBe(1_000_000)
    expect(root.childCount).toBe(2)
    const draft = trace.spans[3]
    expect(draft).toMatchObject({ name: 'llm draft', offsetMicros: 410_000, durationMicros: 590_000 })
    expect(trace.durationMicros).toBe(1_000_000)
    // A second later the bars have grown.
    expect(withSpansInFlight(stored, liveWith('outline', 'draft'), types, T0 + 2000).spans[3].durationMicros).toBe(
      1_590_000,
    )
  })

  it('lets a stored span replace its open bar, and leaves an ended run as stored', () => {
    const withDraft: Trace = {
      ...stored,
      spans: [
        ...stored.spans,
        makeSpan({ spanId: 's-draft', parentSpanId: 'root', name: 'llm draft', nodeId: 'draft', startTime: at(410) }),
      ],
    }
    const trace = withSpansInFlight(withDraft, liveWith('outline', 'draft'), types, T0 + 1000)
    expect(trace.spans.filter((s) => s.attributes[IN_FLIGHT_ATTRIBUTE])).toHaveLength(1) // the root only
    const ended = applyRunEvent(liveWith('outline', 'draft'), 'RunEnded', {
      runId: 'r',
      status: 'SUCCEEDED',
      at: at(900),
    })
    expect(withSpansInFlight(stored, ended, types, T0 + 1000)).toBe(stored)
  })

  it('draws a node that ended by its events with its times and outcome until its span is stored', () => {
    const failed = applyRunEvent(liveWith('outline', 'draft'), 'NodeAttemptEnded', {
      runId: 'r',
      nodeId: 'draft',
      attempt: 1,
      at: at(700),
      error: 'boom',
    })
    const noneStored: Trace = { ...stored, spans: [] }
    const trace = withSpansInFlight(noneStored, failed, types, T0 + 5000)
    const draft = trace.spans.find((s) => s.spanId === 's-draft')!
    expect(draft).toMatchObject({ status: 'ERROR', statusMessage: 'failed', durationMicros: 290_000 })
    const outline = trace.spans.find((s) => s.spanId === 's-outline')!
    expect(outline).toMatchObject({ status: 'OK', durationMicros: 390_000, depth: 1 })
  })
})
