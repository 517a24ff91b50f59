// Every view of the Canvas as a URL, and back: pure functions, so a shared or reloaded link opens
// the same view. /workflows/{id}, /workflows/{id}/stats?…, /runs/{runId},
// /traces/{traceId}?span={spanId}, /compare?left=&right=&node=, /search?…, /admin.
import { formatSearch, parseSearch } from '../search/searchQuery'
import { formatStatsQuery, parseStatsQuery } from '../stats/statsQuery'

export type Route =
  | { page: 'home' }
  | { page: 'workflow'; workflowId: string }
  | { page: 'stats'; workflowId: string; query: string }
  | { page: 'compare'; left: string; right: string; node: string | null }
  | { page: 'run'; runId: string }
  | { page: 'trace'; traceId: string; spanId: string | null }
  | { page: 'search'; query: string }
  | { page: 'admin' }

const enc = encodeURIComponent

function dec(segment: string): string | null {
  try {
    const value = decodeURIComponent(segment)
    return value.length > 0 && value.length <= 200 ? value : null
  } catch {
    return null // a malformed escape: no such page
  }
}

/** The route a URL names; anything unknown is the home page. */
export function parseRoute(pathname: string, search: string): Route {
  const [first, second, third, ...rest] = pathname.split('/').filter(Boolean)
  if (rest.length > 0) return { page: 'home' }
  if (third !== undefined) {
    const workflowId = dec(second)
    return first === 'workflows' && third === 'stats' && workflowId !== null
      ? { page: 'stats', workflowId, query: formatStatsQuery(parseStatsQuery(search)) }
      : { page: 'home' }
  }
  if (first === 'admin' && second === undefined) return { page: 'admin' }
  if (first === 'compare' && second === undefined) return compareRoute(search)
  if (first === 'search' && second === undefined) return { page: 'search', query: formatSearch(parseSearch(search)) }
  const id = second === undefined ? null : dec(second)
  if (id === null) return { page: 'home' }
  if (first === 'workflows') return { page: 'workflow', workflowId: id }
  if (first === 'runs') return { page: 'run', runId: id }
  if (first === 'traces') {
    const span = new URLSearchParams(search).get('span')
    return { page: 'trace', traceId: id, spanId: span && span.length <= 200 ? span : null }
  }
  return { page: 'home' }
}

function compareRoute(search: string): Route {
  const params = new URLSearchParams(search)
  const value = (name: string) => {
    const text = params.get(name)
    return text && text.length <= 200 ? text : null
  }
  const [left, right] = [value('left'), value('right')]
  return left && right ? { page: 'compare', left, right, node: value('node') } : { page: 'home' }
}

export function formatRoute(route: Route): string {
  switch (route.page) {
    case 'home':
      return '/'
    case 'admin':
      return '/admin'
    case 'search':
      return `/search${route.query}`
    case 'workflow':
      return `/workflows/${enc(route.workflowId)}`
    case 'stats':
      return `/workflows/${enc(route.workflowId)}/stats${route.query}`
    case 'compare':
      return `/compare?left=${enc(route.left)}&right=${enc(route.right)}${route.node ? `&node=${enc(route.node)}` : ''}`
    case 'run':
      return `/runs/${enc(route.runId)}`
    case 'trace':
      return `/traces/${enc(route.traceId)}${route.spanId ? `?span=${enc(route.spanId)}` : ''}`
  }
}

/** Whether two routes are the same page (they may differ in the selected span only). */
export function samePage(a: Route, b: Route): boolean {
  return (
    formatRoute({ ...a, ...(a.page === 'trace' ? { spanId: null } : {}) } as Route) ===
    formatRoute({ ...b, ...(b.page === 'trace' ? { spanId: null } : {}) } as Route)
  )
}
