import { describe, expect, it } from 'vitest'
import { initialCanvasState } from '../store/canvasStore'
import { routeOf } from './currentRoute'
import { formatRoute, parseRoute, samePage, type Route } from './route'

describe('routes', () => {
  const routes: Route[] = [
    { page: 'home' },
    { page: 'admin' },
    { page: 'workflow', workflowId: 'fan-out' },
    { page: 'run', runId: '6f1c2d3e-0000-4000-8000-000000000001' },
    { page: 'trace', traceId: '0af7651916cd43dd8448eb211c80319c', spanId: null },
    { page: 'trace', traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' },
    { page: 'workflow', workflowId: 'a b/c?d' },
  ]

  it('reads back every URL it writes', () => {
    for (const route of routes) {
      const url = new URL(formatRoute(route), 'http://canvas')
      expect(parseRoute(url.pathname, url.search)).toEqual(route)
    }
  })

  it('takes anything it does not know for the home page', () => {
    expect(parseRoute('/nowhere', '')).toEqual({ page: 'home' })
    expect(parseRoute('/traces', '')).toEqual({ page: 'home' })
    expect(parseRoute('/traces/a/b', '')).toEqual({ page: 'home' })
    expect(parseRoute('/traces/%E0%A4%A', '')).toEqual({ page: 'home' })
    expect(parseRoute(`/workflows/${'x'.repeat(300)}`, '')).toEqual({ page: 'home' })
  })

  it('names what the Canvas shows: the trace on the Trace tab, else the run, else the workflow', () => {
    const base = { ...initialCanvasState, selectedWorkflowId: 'w', selectedRunId: 'r', selectedTraceId: 't' }
    expect(routeOf({ ...base, activeTab: 'trace', selectedSpanId: 's' })).toEqual({
      page: 'trace',
      traceId: 't',
      spanId: 's',
    })
    expect(routeOf({ ...base, activeTab: 'graph' })).toEqual({ page: 'run', runId: 'r' })
    expect(routeOf({ ...base, selectedRunId: null, selectedTraceId: null })).toEqual({
      page: 'workflow',
      workflowId: 'w',
    })
    expect(routeOf({ ...base, view: 'admin' })).toEqual({ page: 'admin' })
  })

  it('tells a new page from another span of the same trace', () => {
    const trace: Route = { page: 'trace', traceId: 't', spanId: 'a' }
    expect(samePage(trace, { ...trace, spanId: 'b' })).toBe(true)
    expect(samePage(trace, { page: 'trace', traceId: 'u', spanId: 'a' })).toBe(false)
    expect(samePage({ page: 'run', runId: 'r' }, trace)).toBe(false)
  })
})
