// The search page's filters: exactly the API's filter names (GET /api/traces), kept in the URL as
// /search?name=value, so a search can be reloaded, bookmarked and shared.
import type { RunFilter } from '../api/types'
import { sinceMillis, sinceToFrom } from './timeRange'

export const SEARCH_FIELDS = [
  'workflowId',
  'status',
  'from',
  'to',
  'minDurationMs',
  'maxDurationMs',
  'attribute',
  'name',
  'since',
  'minCost',
  'minTokens',
  'sort',
] as const

export type SearchField = (typeof SEARCH_FIELDS)[number]

/** The filters as typed (strings); the server checks them and says what is wrong. */
export type SearchQuery = Partial<Record<SearchField, string>>

const MAX_VALUE_LENGTH = 500

/** The query a URL's search string names: known fields only, empty ones left out. */
export function parseSearch(search: string): SearchQuery {
  const params = new URLSearchParams(search)
  const query: SearchQuery = {}
  for (const field of SEARCH_FIELDS) {
    const value = params.get(field)
    if (value && value.length <= MAX_VALUE_LENGTH) query[field] = value
  }
  // A relative range the page cannot read is dropped rather than sent.
  if (query.since !== undefined && sinceMillis(query.since) === null) delete query.since
  return query
}

/** The search string of a query, fields in a fixed order ('' when empty). */
export function formatSearch(query: SearchQuery): string {
  const params = new URLSearchParams()
  for (const field of SEARCH_FIELDS) {
    const value = query[field]?.trim()
    if (value) params.set(field, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/**
 * The API filter of a query (the server validates every value). A relative range (`since`) becomes
 * the API's `from`, measured back from `nowMillis`: the moment the search was made, the same for
 * every page of it.
 */
export function toRunFilter(
  query: SearchQuery,
  limit: number,
  cursor?: string,
  nowMillis: number = Date.now(),
): Record<string, string | number> {
  const filter: Record<string, string | number> = { limit }
  for (const field of SEARCH_FIELDS) {
    const value = query[field]?.trim()
    if (value && field !== 'since') filter[field] = value
  }
  const from = query.from ? null : sinceToFrom(query.since, nowMillis)
  if (from) filter.from = from
  if (cursor) filter.cursor = cursor
  return filter satisfies Partial<Record<keyof RunFilter | SearchField, string | number>>
}

/** The field a problem's detail is about: the API names it first, in quotes ("from" must be …). */
export function fieldOfProblem(detail: string): SearchField | null {
  const named = /^"([A-Za-z]+)"/.exec(detail)?.[1]
  return named && (SEARCH_FIELDS as readonly string[]).includes(named) ? (named as SearchField) : null
}

/** What a "go to" box holds: a trace id (32 hex digits), a run id (a UUID), or neither. */
export function idKind(text: string): 'trace' | 'run' | null {
  const id = text.trim()
  if (/^[0-9a-f]{32}$/i.test(id)) return 'trace'
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return 'run'
  return null
}
