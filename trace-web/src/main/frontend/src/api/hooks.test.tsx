// @vitest-environment jsdom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ADMIN_REFRESH_MS, forgetTrace, queries, queryCache, useMe, useQuery, useTracingAdmin } from './hooks'
import type { TracingAdmin } from './types'

const admin: TracingAdmin = {
  settings: [{ key: 'tracing.enabled', value: 'true', secret: false }],
  pipeline: {
    enabled: true,
    recording: true,
    exporters: [],
    queues: [],
    retryBufferSpans: 0,
    runJournal: { pending: 0, dropped: 0, repaired: 0, rejected: 0 },
    runQueue: { depth: 2, oldestAgeSeconds: 7 },
  },
}

let status = 200
const fetchMock = vi.fn(async (url: string) => {
  const body = url === '/api/me' ? { user: 'ada', roles: ['viewer', 'runner'] } : admin
  return new Response(JSON.stringify(status === 200 ? body : { title: 'Forbidden', status }), {
    status,
    headers: { 'content-type': status === 200 ? 'application/json' : 'application/problem+json' },
  })
})
const adminCalls = () => fetchMock.mock.calls.filter(([url]) => url === '/api/admin/tracing').length

beforeEach(() => {
  status = 200
  fetchMock.mockClear()
  queryCache.clear()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  cleanup()
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('useMe', () => {
  it('reads the user and roles once for every component', async () => {
    const first = renderHook(() => useMe())
    const second = renderHook(() => useMe())
    await waitFor(() => expect(first.result.current.status).toBe('success'))
    expect(first.result.current.data).toEqual({ user: 'ada', roles: ['viewer', 'runner'] })
    expect(second.result.current.data?.user).toBe('ada')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })
})

describe('useTracingAdmin', () => {
  it('reloads every five seconds while mounted, and stops when unmounted', async () => {
    vi.useFakeTimers()
    const { result, unmount } = renderHook(() => useTracingAdmin())
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(result.current.data?.data).toEqual(admin)
    expect(adminCalls()).toBe(1)

    await act(() => vi.advanceTimersByTimeAsync(ADMIN_REFRESH_MS))
    expect(adminCalls()).toBe(2)
    await act(() => vi.advanceTimersByTimeAsync(ADMIN_REFRESH_MS))
    expect(adminCalls()).toBe(3)

    unmount()
    await act(() => vi.advanceTimersByTimeAsync(3 * ADMIN_REFRESH_MS))
    expect(adminCalls()).toBe(3)
  })

  it('reloads at once when it mounts again with cached data', async () => {
    const first = renderHook(() => useTracingAdmin())
    await waitFor(() => expect(first.result.current.status).toBe('success'))
    first.unmount()
    renderHook(() => useTracingAdmin())
    expect(adminCalls()).toBe(2)
  })

  it('stops asking after a 403, which asking again will not fix', async () => {
    status = 403
    vi.useFakeTimers()
    const { result } = renderHook(() => useTracingAdmin())
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(result.current.status).toBe('error')
    await act(() => vi.advanceTimersByTimeAsync(3 * ADMIN_REFRESH_MS))
    expect(adminCalls()).toBe(1)
  })
})

describe('forgetTrace', () => {
  it('drops the trace and its span details, nothing else', async () => {
    const load = async () => 'x'
    const keep = { key: 'trace:t2', load }
    for (const query of [{ key: queries.trace('t1').key, load }, { key: 'span:t1:s1', load }, keep]) {
      queryCache.ensure(query)
    }
    const { result } = renderHook(() => useQuery(keep))
    await waitFor(() => expect(result.current.status).toBe('success'))
    forgetTrace('t1')
    expect(queryCache.get('trace:t1').status).toBe('loading')
    expect(queryCache.get('span:t1:s1').status).toBe('loading')
    expect(queryCache.get('trace:t2').status).toBe('success')
  })
})
