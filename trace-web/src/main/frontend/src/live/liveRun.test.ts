import { describe, expect, it } from 'vitest'
import { applyRunEvent, emptyLiveRun, hasEnded, type LiveRunState } from './liveRun'

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString()

function started(): LiveRunState {
  return applyRunEvent(emptyLiveRun('r'), 'RunStarted', {
    runId: 'r',
    workflowId: 'w',
    at: at(0),
    nodeIds: ['a', 'b', 'c'],
    traceId: 't',
    rootSpanId: 'root',
  })
}

describe('applyRunEvent', () => {
  it('starts a run with every node queued and its trace known', () => {
    const run = started()
    expect(run.status).toBe('RUNNING')
    expect(run.traceId).toBe('t')
    expect(run.rootSpanId).toBe('root')
    expect(Object.values(run.nodes).map((n) => n.state)).toEqual(['queued', 'queued', 'queued'])
  })

  it('follows attempts: running with its attempt and span, then succeeded or failed', () => {
    let run = started()
    run = applyRunEvent(run, 'NodeAttemptStarted', {
      runId: 'r',
      nodeId: 'a',
      attempt: 1,
      at: at(5),
      nodeSpanId: 's-a',
    })
    expect(run.nodes.a).toMatchObject({ state: 'running', attempt: 1, startedAt: Date.parse(at(5)), spanId: 's-a' })
    run = applyRunEvent(run, 'NodeAttemptEnded', { runId: 'r', nodeId: 'a', attempt: 1, at: at(9), error: 'boom' })
    expect(run.nodes.a.state).toBe('failed')
    run = applyRunEvent(run, 'NodeAttemptStarted', {
      runId: 'r',
      nodeId: 'a',
      attempt: 2,
      at: at(10),
      nodeSpanId: 's-a',
    })
    // The node's start is its first attempt's.
    expect(run.nodes.a).toMatchObject({ state: 'running', attempt: 2, startedAt: Date.parse(at(5)), endedAt: null })
    run = applyRunEvent(run, 'NodeAttemptEnded', { runId: 'r', nodeId: 'a', attempt: 2, at: at(12) })
    expect(run.nodes.a).toMatchObject({ state: 'succeeded', endedAt: Date.parse(at(12)) })
  })

  it("takes a node's end as final, also for a node that failed before any attempt", () => {
    let run = started()
    run = applyRunEvent(run, 'NodeAttemptStarted', { runId: 'r', nodeId: 'a', attempt: 1, at: at(1) })
    run = applyRunEvent(run, 'NodeAttemptEnded', { runId: 'r', nodeId: 'a', attempt: 1, at: at(4), error: 'boom' })
    const ended = { runId: 'r', at: at(5), durationMs: 4, attempts: 1, inputTokens: 0, outputTokens: 0 }
    run = applyRunEvent(run, 'NodeEnded', { ...ended, nodeId: 'a', outcome: 'failed' })
    // The last attempt's end stays the node's end.
    expect(run.nodes.a).toMatchObject({ state: 'failed', endedAt: Date.parse(at(4)) })
    run = applyRunEvent(run, 'NodeEnded', { ...ended, nodeId: 'b', outcome: 'failed', attempts: 0 })
    expect(run.nodes.b).toMatchObject({ state: 'failed', endedAt: Date.parse(at(5)) })
  })

  it('ends a cancelled run: the cut node cancelled, the unreached ones skipped', () => {
    let run = started()
    run = applyRunEvent(run, 'NodeAttemptStarted', {
      runId: 'r',
      nodeId: 'a',
      attempt: 1,
      at: at(1),
      nodeSpanId: 's-a',
    })
    run = applyRunEvent(run, 'NodeAttemptEnded', {
      runId: 'r',
      nodeId: 'a',
      attempt: 1,
      at: at(2),
      error: 'Cancelled by ada',
      cancelled: true,
    })
    run = applyRunEvent(run, 'NodeAttemptStarted', {
      runId: 'r',
      nodeId: 'b',
      attempt: 1,
      at: at(1),
      nodeSpanId: 's-b',
    })
    run = applyRunEvent(run, 'RunEnded', { runId: 'r', status: 'CANCELLED', at: at(3), error: 'Cancelled by ada' })
    expect(hasEnded(run)).toBe(true)
    expect(run.error).toBe('Cancelled by ada')
    expect(run.nodes.a.state).toBe('cancelled')
    expect(run.nodes.b).toMatchObject({ state: 'cancelled', endedAt: Date.parse(at(3)) })
    expect(run.nodes.c.state).toBe('skipped')
  })

  it('takes a stored status for a run the server no longer follows', () => {
    const run = applyRunEvent(emptyLiveRun('r'), 'RunStatus', { runId: 'r', status: 'ABORTED' })
    expect(run.status).toBe('ABORTED')
    expect(hasEnded(run)).toBe(true)
  })

  it('takes a snapshot as the whole run, replacing what was known before it', () => {
    const run = applyRunEvent(started(), 'RunSnapshot', {
      runId: 'r',
      workflowId: 'w',
      status: 'RUNNING',
      traceId: 't',
      rootSpanId: 'root',
      startedAt: at(0),
      nodes: [
        { nodeId: 'a', state: 'succeeded', attempt: 2, startedAt: at(1), endedAt: at(5), spanId: 's-a' },
        { nodeId: 'b', state: 'running', attempt: 1, startedAt: at(6), spanId: 's-b' },
      ],
    })
    expect(Object.keys(run.nodes)).toEqual(['a', 'b'])
    expect(run.nodes.a).toEqual({
      state: 'succeeded',
      attempt: 2,
      startedAt: Date.parse(at(1)),
      endedAt: Date.parse(at(5)),
      spanId: 's-a',
    })
    expect(run.nodes.b).toMatchObject({ state: 'running', endedAt: null })
    expect(run).toMatchObject({ status: 'RUNNING', traceId: 't', startedAt: Date.parse(at(0)), endedAt: null })
    expect(hasEnded(run)).toBe(false)
  })
})
