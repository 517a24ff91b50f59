// The Stats view's choices as its URL's search string, and back: pure functions, so a shared link
// shows the same figures. /workflows/{id}/stats?since=7d&version=2&measure=p95&node=draft
import type { StatsRange } from '../api/hooks'
import { sinceToFrom } from '../search/timeRange'

/** What the nodes are coloured by. */
export const MEASURES = [
  { measure: 'p95', label: 'p95 duration' },
  { measure: 'errorRate', label: 'Error rate' },
  { measure: 'retryRate', label: 'Retry rate' },
  { measure: 'cost', label: 'Cost' },
] as const

export type Measure = (typeof MEASURES)[number]['measure']

export interface StatsQuery {
  /** A relative range ending now (15m, 1h, 6h, 1d, 7d); the default when no range is given. */
  since?: string
  /** An absolute range (ISO instants), picked on the calendar. */
  from?: string
  to?: string
  /** A workflow version; none for every version. */
  version?: number
  measure: Measure
  /** The node whose panel is open. */
  node?: string
}

export const DEFAULT_SINCE = '7d'
const MAX_VALUE_LENGTH = 200

function isMeasure(value: string | null): value is Measure {
  return MEASURES.some((m) => m.measure === value)
}

export function parseStatsQuery(search: string): StatsQuery {
  const params = new URLSearchParams(search)
  const text = (name: string) => {
    const value = params.get(name)?.trim()
    return value && value.length <= MAX_VALUE_LENGTH ? value : undefined
  }
  const version = Number(text('version'))
  const measure = params.get('measure')
  return {
    since: text('since'),
    from: text('from'),
    to: text('to'),
    version: Number.isInteger(version) && version > 0 ? version : undefined,
    measure: isMeasure(measure) ? measure : 'p95',
    node: text('node'),
  }
}

/** The query as a search string, in one order ('' for the defaults). */
export function formatStatsQuery(query: StatsQuery): string {
  const params = new URLSearchParams()
  if (query.since) params.set('since', query.since)
  if (!query.since && query.from) params.set('from', query.from)
  if (!query.since && query.to) params.set('to', query.to)
  if (query.version) params.set('version', String(query.version))
  if (query.measure !== 'p95') params.set('measure', query.measure)
  if (query.node) params.set('node', query.node)
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The API's range for the query at `nowMillis`: the relative range ends then; without any range,
 * the last 7 days. A bad `since` is sent as it is (the server's problem says what to fix).
 */
export function toStatsRange(query: StatsQuery, nowMillis: number): StatsRange {
  const version = query.version
  if (query.from && !query.since) return { from: query.from, to: query.to, version }
  const since = query.since ?? DEFAULT_SINCE
  return { from: sinceToFrom(since, nowMillis) ?? since, version }
}
