import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/client'
import type { Run } from '../api/types'
import { LiveRuns, QUIET_MS, REOPEN_MS, type EventStream } from './liveRuns'

const CONNECTING = 0
const OPEN = 1
const CLOSED = 2

/** An EventSource stand-in: the test sends events and breaks the stream. */
class FakeStream implements EventStream {
  readyState = OPEN
  onerror: ((event: Event) => void) | null = null
  private readonly listeners = new Map<string, (event: MessageEvent<string>) => void>()
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void) {
    this.listeners.set(name, listener)
  }
  send(name: string, data: object) {
    this.listeners.get(name)?.({ data: JSON.stringify(data) } as MessageEvent<string>)
  }
  breakOff(readyState: number) {
    this.readyState = readyState
    this.onerror?.(new Event('error'))
  }
  close() {
    this.readyState = CLOSED
  }
}

const storedRun = (status: Run['status']): Run =>
  ({ runId: 'r', status, startedAt: '2026-01-01T00:00:00Z', durationMs: 450, error: null }) as Run

describe('LiveRuns', () => {
  let streams: FakeStream[]
  let stored: Run['status']
  let live: LiveRuns

  beforeEach(() => {
    vi.useFakeTimers()
    streams = []
    stored = 'RUNNING'
    live = new LiveRuns(
      () => {
        const stream = new FakeStream()
        streams.push(stream)
        return stream
      },
      async () => storedRun(stored),
    )
  })
  afterEach(() => vi.useRealTimers())

  it('ends a run whose stream broke off when the store says it has ended', async () => {
    const ended = live.whenEnded('r')
    streams[0].send('RunStarted', { runId: 'r', workflowId: 'w', at: '2026-01-01T00:00:00Z', nodeIds: ['a'] })
    stored = 'SUCCEEDED'
    streams[0].breakOff(CONNECTING)
    await expect(ended).resolves.toMatchObject({ status: 'SUCCEEDED', endedAt: Date.parse('2026-01-01T00:00:00.450Z') })
    expect(streams[0].readyState).toBe(CLOSED)
    expect(live.get('r')?.nodes.a.state).toBe('skipped')
  })

  it('opens a new stream when the browser gave up on a run that is still going, not when it reconnects itself', async () => {
    const stop = live.watch('r')
    streams[0].breakOff(CONNECTING)
    await vi.advanceTimersByTimeAsync(REOPEN_MS * 2)
    expect(streams).toHaveLength(1)
    streams[0].breakOff(CLOSED)
    await vi.advanceTimersByTimeAsync(REOPEN_MS)
    expect(streams).toHaveLength(2)
    expect(live.get('r')?.status).toBe('RUNNING')
    stored = 'FAILED'
    streams[1].breakOff(CLOSED)
    await vi.advanceTimersByTimeAsync(REOPEN_MS * 2)
    expect(streams).toHaveLength(2)
    expect(live.get('r')?.status).toBe('FAILED')
    stop()
  })

  it('gives up on a run the store does not know', async () => {
    live = new LiveRuns(
      () => {
        const stream = new FakeStream()
        streams.push(stream)
        return stream
      },
      async () => {
        throw new ApiError({ status: 404, title: 'Not Found', detail: 'No run with id r' })
      },
    )
    const ended = live.whenEnded('r')
    streams[0].breakOff(CLOSED)
    await vi.advanceTimersByTimeAsync(REOPEN_MS * 2)
    await expect(ended).resolves.toMatchObject({ status: 'QUEUED' })
    expect(streams).toHaveLength(1)
  })

  it('reads the stored status of a run whose stream stays open but silent, and ends it from there', async () => {
    let reads = 0
    live = new LiveRuns(
      () => {
        const stream = new FakeStream()
        streams.push(stream)
        return stream
      },
      async () => {
        reads++
        return storedRun(stored)
      },
    )
    const ended = live.whenEnded('r')
    streams[0].send('RunStarted', { runId: 'r', workflowId: 'w', at: '2026-01-01T00:00:00Z', nodeIds: ['a'] })
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1)
    expect(reads).toBe(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(reads).toBe(1)
    expect(live.get('r')?.status).toBe('RUNNING')
    stored = 'SUCCEEDED' // the end was lost on the way: the stream says nothing more
    await vi.advanceTimersByTimeAsync(QUIET_MS)
    await expect(ended).resolves.toMatchObject({ status: 'SUCCEEDED' })
    expect(streams[0].readyState).toBe(CLOSED)
    await vi.advanceTimersByTimeAsync(QUIET_MS * 3)
    expect(reads).toBe(2)
  })

  it('does not read the stored status while events keep coming', async () => {
    let reads = 0
    live = new LiveRuns(
      () => {
        const stream = new FakeStream()
        streams.push(stream)
        return stream
      },
      async () => {
        reads++
        return storedRun(stored)
      },
    )
    const stop = live.watch('r')
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(QUIET_MS / 2)
      streams[0].send('RunStatus', { runId: 'r', status: 'RUNNING' })
    }
    expect(reads).toBe(0)
    stop()
    await vi.advanceTimersByTimeAsync(QUIET_MS * 2)
    expect(reads).toBe(0)
  })
})
