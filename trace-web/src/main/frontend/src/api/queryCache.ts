// A small cache of server reads, shared by every component that asks for the same key, so the
// graph and the trace tab fetch a trace once. Components read it through useSyncExternalStore.

export type QueryState<T> =
  { status: 'loading'; data?: T } | { status: 'error'; error: Error; data?: T } | { status: 'success'; data: T }

export interface Query<T> {
  key: string
  load: () => Promise<T>
}

interface Entry {
  state: QueryState<unknown>
  load: () => Promise<unknown>
  /** Guards against an older request overwriting a newer one after invalidate. */
  generation: number
  lastUsed: number
}

export const LOADING: QueryState<never> = Object.freeze({ status: 'loading' })

export class QueryCache {
  private readonly entries = new Map<string, Entry>()
  private readonly listeners = new Set<() => void>()
  private readonly users = new Map<string, number>()
  private clock = 0
  private readonly maxEntries: number

  constructor(maxEntries = 60) {
    this.maxEntries = maxEntries
  }

  /** Listens to every change; a key marks that entry as in use, so it is never evicted meanwhile. */
  subscribe = (listener: () => void, key?: string | null): (() => void) => {
    const wrapped = () => listener()
    this.listeners.add(wrapped)
    if (key) this.users.set(key, (this.users.get(key) ?? 0) + 1)
    return () => {
      this.listeners.delete(wrapped)
      if (key) {
        const users = (this.users.get(key) ?? 1) - 1
        if (users > 0) this.users.set(key, users)
        else this.users.delete(key)
      }
    }
  }

  get<T>(key: string): QueryState<T> {
    return (this.entries.get(key)?.state as QueryState<T> | undefined) ?? LOADING
  }

  /** Starts loading the query unless it is cached or already loading. */
  ensure<T>(query: Query<T>): void {
    const entry = this.entries.get(query.key)
    if (entry) {
      entry.lastUsed = ++this.clock
      if (entry.state.status !== 'error') return
    }
    this.start(query.key, query.load)
  }

  /** Reloads every cached query whose key starts with the prefix, showing old data meanwhile. */
  invalidate(prefix: string): void {
    for (const [key, entry] of this.entries) {
      if (key.startsWith(prefix)) this.start(key, entry.load)
    }
  }

  /** Forgets every query whose key starts with the prefix, e.g. a deleted trace and its spans. */
  remove(prefix: string): void {
    let removed = false
    for (const key of [...this.entries.keys()]) {
      if (key.startsWith(prefix)) removed = this.entries.delete(key) || removed
    }
    if (removed) this.notify()
  }

  /** Forgets everything (tests start from an empty cache). */
  clear(): void {
    this.entries.clear()
    this.notify()
  }

  private start(key: string, load: () => Promise<unknown>): void {
    const previous = this.entries.get(key)
    const generation = (previous?.generation ?? 0) + 1
    const entry: Entry = {
      state: { status: 'loading', data: previous?.state.data },
      load,
      generation,
      lastUsed: ++this.clock,
    }
    this.entries.set(key, entry)
    this.evictOldest()
    this.notify()
    load().then(
      (data) => this.settle(key, generation, { status: 'success', data }),
      (error: unknown) =>
        this.settle(key, generation, {
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          data: entry.state.data,
        }),
    )
  }

  private settle(key: string, generation: number, state: QueryState<unknown>): void {
    const entry = this.entries.get(key)
    if (!entry || entry.generation !== generation) return
    entry.state = state
    this.notify()
  }

  // Traces can be large; keep only the most recently used ones that nobody is showing.
  private evictOldest(): void {
    while (this.entries.size > this.maxEntries) {
      let oldestKey: string | undefined
      let oldest = Infinity
      for (const [key, entry] of this.entries) {
        if (entry.lastUsed < oldest && entry.state.status !== 'loading' && !this.users.has(key)) {
          oldest = entry.lastUsed
          oldestKey = key
        }
      }
      if (oldestKey === undefined) return
      this.entries.delete(oldestKey)
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}
