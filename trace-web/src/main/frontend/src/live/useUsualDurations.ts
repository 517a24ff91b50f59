import { useEffect, useMemo, useState } from 'react'
import { api } from '../api/client'
import { queryCache, useQuery } from '../api/hooks'
import { usualDurationsOf, type UsualDurations } from './longerThanUsual'

/** How often, and how many times, the usual durations are asked for while the run has none yet. */
const RETRY_MS = 2000
const RETRY_LIMIT = 10

/**
 * What is usual for a running run's nodes: read once from the stored run while it runs (its live
 * state is known only once it has started, so it is asked again a few times until then).
 */
export function useUsualDurations(runId: string | null, running: boolean): UsualDurations | null {
  const query = useMemo(
    () =>
      runId && running ? { key: `usual:${runId}`, load: async () => usualDurationsOf(await api.getRun(runId)) } : null,
    [runId, running],
  )
  const state = useQuery(query)
  const [tries, setTries] = useState(0)
  const missing = query !== null && state.status !== 'loading' && !state.data
  useEffect(() => {
    if (!missing || tries >= RETRY_LIMIT || !query) return
    const timer = setTimeout(() => {
      setTries(tries + 1)
      queryCache.invalidate(query.key)
    }, RETRY_MS)
    return () => clearTimeout(timer)
  }, [missing, tries, query])
  return state.data ?? null
}
