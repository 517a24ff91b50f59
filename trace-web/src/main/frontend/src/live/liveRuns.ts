// The runs being watched, one event stream each however many views show the run. Views read them
// through useLiveRun; the stream closes when the run ends or nobody watches any more.
import { useCallback, useSyncExternalStore } from 'react'
import type { RunStreamEventName, RunStreamEvents } from '../api/types'
import { applyRunEvent, emptyLiveRun, hasEnded, type LiveRunState } from './liveRun'

/** What the store needs of an EventSource (tests pass their own). */
export interface EventStream {
  addEventListener(name: string, listener: (event: MessageEvent<string>) => void): void
  onerror: ((event: Event) => void) | null
  readonly readyState: number
  close(): void
}

export type OpenStream = (url: string) => EventStream

const EVENT_NAMES: RunStreamEventName[] = [
  'RunQueued',
  'RunStarted',
  'NodeAttemptStarted',
  'NodeAttemptEnded',
  'RunEnded',
  'RunStatus',
]
const CLOSED = 2

interface Watched {
  state: LiveRunState
  received: boolean
  stream: EventStream | null
  watchers: number
  ended: Array<(run: LiveRunState) => void>
}

export class LiveRuns {
  private readonly runs = new Map<string, Watched>()
  private readonly listeners = new Set<() => void>()

  constructor(private readonly open: OpenStream = (url) => new EventSource(url)) {}

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
    const run: Watched = { state: emptyLiveRun(runId), received: false, stream: null, watchers: 0, ended: [] }
    this.runs.set(runId, run)
    const stream = this.open(`/api/runs/${encodeURIComponent(runId)}/events`)
    run.stream = stream
    for (const name of EVENT_NAMES) {
      stream.addEventListener(name, (event) => this.receive(run, name, JSON.parse(event.data)))
    }
    // The browser reconnects on its own (with Last-Event-ID); only a refused stream is given up.
    stream.onerror = () => {
      if (stream.readyState === CLOSED) this.finish(run)
    }
    return run
  }

  private receive<N extends RunStreamEventName>(run: Watched, name: N, data: RunStreamEvents[N]): void {
    run.state = applyRunEvent(run.state, name, data)
    run.received = true
    // The server closes the stream after the end: closing first stops the browser reconnecting.
    if (hasEnded(run.state) || name === 'RunStatus') this.finish(run)
    this.notify()
  }

  private finish(run: Watched): void {
    run.stream?.close()
    run.stream = null
    const waiting = run.ended.splice(0)
    waiting.forEach((resolve) => resolve(run.state))
    this.notify()
  }

  private stop(runId: string): void {
    const run = this.runs.get(runId)
    if (!run) return
    run.stream?.close()
    this.runs.delete(runId)
  }

  /** Stops every stream and forgets every run (a new page, or a test). */
  clear(): void {
    for (const run of this.runs.values()) run.stream?.close()
    this.runs.clear()
    this.notify()
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener())
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
