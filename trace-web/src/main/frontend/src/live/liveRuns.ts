// The runs being watched, one event stream each however many views show the run. Views read them
// through useLiveRun; the stream closes when the run ends or nobody watches any more. A stream that
// breaks off before the run's end never leaves a view waiting: the run's stored status is read, and
// a run that has ended there ends here too; one still going is asked about again. Nor does a stream
// that stays open but goes quiet: a connection can lose the run's end without closing (seen over
// HTTP/2), so after QUIET_MS without an event the stored status is read as well.
import { useCallback, useSyncExternalStore } from 'react'
import { api, ApiError } from '../api/client'
import type { Run, RunStreamEventName, RunStreamEvents } from '../api/types'
import { applyRunEvent, emptyLiveRun, hasEnded, type LiveRunState } from './liveRun'

/** What the store needs of an EventSource (tests pass their own). */
export interface EventStream {
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void
  onerror: ((event: Event) => void) | null
  readonly readyState: number
  close(): void
}

export type OpenStream = (url: string) => EventStream

/** Reads a run as stored (tests pass their own). */
export type ReadRun = (runId: string) => Promise<Run>

/** How long after a stream the browser gave up on a new one is opened, while the run goes on. */
export const REOPEN_MS = 2000

/** How long a stream may stay silent before the run's stored status is read (one row). */
export const QUIET_MS = 10_000

const EVENT_NAMES: RunStreamEventName[] = [
  'RunQueued',
  'RunStarted',
  'NodeAttemptStarted',
  'NodeAttemptEnded',
  'NodeEnded',
  'RunEnded',
  'RunStatus',
  'RunSnapshot',
]
const CLOSED = 2

interface Watched {
  state: LiveRunState
  received: boolean
  stream: EventStream | null
  watchers: number
  ended: Array<(run: LiveRunState) => void>
  /** A read of the stored run is under way. */
  checking: boolean
  reopen: ReturnType<typeof setTimeout> | null
  /** Reads the stored status when the stream has been silent for QUIET_MS. */
  quiet: ReturnType<typeof setTimeout> | null
}

export class LiveRuns {
  private readonly runs = new Map<string, Watched>()
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly open: OpenStream = (url) => new EventSource(url),
    private readonly readRun: ReadRun = api.getRun,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The run as its events tell it; null before its first event (nothing is known yet). */
  get(runId: string): LiveRunState | null {
    const run = this.runs.get(runId)
    return run && run.received ? run.state : null
  }

  /** Watches a run until the returned function is called; the first watcher opens its stream. */
  watch(runId: string): () => void {
    const run = this.runs.get(runId) ?? this.start(runId)
    run.watchers++
    return () => {
      run.watchers--
      // An ended run stays for the views that show it; a run nobody watches stops streaming.
      if (run.watchers === 0 && !hasEnded(run.state)) this.stop(runId)
    }
  }

  /** Resolves with the run once it has ended. */
  whenEnded(runId: string): Promise<LiveRunState> {
    const stopWatching = this.watch(runId)
    const run = this.runs.get(runId)!
    return new Promise<LiveRunState>((resolve) => {
      if (hasEnded(run.state)) resolve(run.state)
      else run.ended.push(resolve)
    }).finally(stopWatching)
  }

  private start(runId: string): Watched {
    const run: Watched = {
      state: emptyLiveRun(runId),
      received: false,
      stream: null,
      watchers: 0,
      ended: [],
      checking: false,
      reopen: null,
      quiet: null,
    }
    this.runs.set(runId, run)
    this.connect(run)
    return run
  }

  private connect(run: Watched): void {
    const stream = this.open(`/api/runs/${encodeURIComponent(run.state.runId)}/events`)
    run.stream = stream
    for (const name of EVENT_NAMES) {
      stream.addEventListener(name, (event) => this.receive(run, name, JSON.parse(event.data)))
    }
    // The stream broke off before the run's end (the browser reconnects on its own unless it gave
    // up): what the store says decides whether to wait on.
    stream.onerror = () => this.checkStored(run)
    this.expectNews(run)
  }

  private expectNews(run: Watched): void {
    if (run.quiet !== null) clearTimeout(run.quiet)
    run.quiet = setTimeout(() => {
      run.quiet = null
      this.checkStored(run)
      if (this.isWatched(run) && !hasEnded(run.state)) this.expectNews(run)
    }, QUIET_MS)
  }

  private receive<N extends RunStreamEventName>(run: Watched, name: N, data: RunStreamEvents[N]): void {
    run.state = applyRunEvent(run.state, name, data)
    run.received = true
    // The server closes the stream after the end: closing first stops the browser reconnecting.
    if (hasEnded(run.state)) this.finish(run)
    else this.expectNews(run)
    this.notify()
  }

  private checkStored(run: Watched): void {
    if (run.checking || hasEnded(run.state) || !this.isWatched(run)) return
    run.checking = true
    this.readRun(run.state.runId)
      .then(
        (stored) => {
          if (hasEnded(run.state) || !this.isWatched(run)) return
          if (stored.status !== 'QUEUED' && stored.status !== 'RUNNING') {
            this.receive(run, 'RunEnded', storedEnd(stored))
          } else {
            if (!run.received) this.receive(run, 'RunStatus', { runId: stored.runId, status: stored.status })
            this.reopenIfGivenUp(run)
          }
        },
        (error: unknown) => {
          // An unknown run, or one this user may not see: nothing to wait for.
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) this.finish(run)
          else this.reopenIfGivenUp(run)
        },
      )
      .finally(() => {
        run.checking = false
      })
  }

  private reopenIfGivenUp(run: Watched): void {
    if (run.stream?.readyState !== CLOSED || run.reopen !== null) return
    run.reopen = setTimeout(() => {
      run.reopen = null
      if (this.isWatched(run) && !hasEnded(run.state)) this.connect(run)
    }, REOPEN_MS)
  }

  private stopTimers(run: Watched): void {
    if (run.reopen !== null) clearTimeout(run.reopen)
    if (run.quiet !== null) clearTimeout(run.quiet)
    run.reopen = null
    run.quiet = null
  }

  private isWatched(run: Watched): boolean {
    return this.runs.get(run.state.runId) === run
  }

  private finish(run: Watched): void {
    run.stream?.close()
    run.stream = null
    this.stopTimers(run)
    const waiting = run.ended.splice(0)
    waiting.forEach((resolve) => resolve(run.state))
    this.notify()
  }

  private stop(runId: string): void {
    const run = this.runs.get(runId)
    if (!run) return
    run.stream?.close()
    this.stopTimers(run)
    this.runs.delete(runId)
  }

  /** Stops every stream and forgets every run (a new page, or a test). */
  clear(): void {
    for (const run of this.runs.values()) {
      run.stream?.close()
      this.stopTimers(run)
    }
    this.runs.clear()
    this.notify()
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener())
  }
}

/** A stored run's end as the event that tells it. */
function storedEnd(run: Run): RunStreamEvents['RunEnded'] {
  const endedAt = Date.parse(run.startedAt) + (run.durationMs ?? 0)
  return {
    runId: run.runId,
    status: run.status as RunStreamEvents['RunEnded']['status'],
    at: new Date(endedAt).toISOString(),
    error: run.error ?? undefined,
  }
}

/** The app's one store of watched runs. */
export const liveRuns = new LiveRuns()

/** The run as it happens, while this view shows it; null with no run. */
export function useLiveRun(runId: string | null): LiveRunState | null {
  const subscribe = useCallback(
    (listener: () => void) => {
      const unsubscribe = liveRuns.subscribe(listener)
      const unwatch = runId ? liveRuns.watch(runId) : () => {}
      return () => {
        unwatch()
        unsubscribe()
      }
    },
    [runId],
  )
  return useSyncExternalStore(subscribe, () => (runId ? liveRuns.get(runId) : null))
}
