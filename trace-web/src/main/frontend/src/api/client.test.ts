import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, isAccessProblem } from './client'

function respond(status: number, body: unknown, contentType = 'application/json') {
  const fetchMock = vi.fn(
    async () =>
      new Response(typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        statusText: status === 404 ? 'Not Found' : '',
        headers: { 'content-type': contentType },
      }),
  )
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected the call to fail')
}

afterEach(() => vi.unstubAllGlobals())

describe('api client', () => {
  it('returns typed JSON on success', async () => {
    const fetchMock = respond(200, [{ id: 'hello-llm', version: 1, name: 'Hello', description: null }])
    const workflows = await api.listWorkflows()
    expect(workflows[0].id).toBe('hello-llm')
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/workflows',
      expect.objectContaining({ headers: { Accept: 'application/json' } }),
    )
  })

  it('turns problem+json into an ApiError with title, detail, status and errors', async () => {
    respond(
      400,
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'The workflow definition is invalid',
        errors: ['node x: unknown type', 'edge y->z: unknown node'],
      },
      'application/problem+json',
    )
    const error = await caught(api.getWorkflow('broken'))
    expect(error.status).toBe(400)
    expect(error.title).toBe('Bad Request')
    expect(error.detail).toBe('The workflow definition is invalid')
    expect(error.errors).toEqual(['node x: unknown type', 'edge y->z: unknown node'])
    expect(error.message).toBe('The workflow definition is invalid')
  })

  it('copes with problems that lack fields or errors that are objects', async () => {
    respond(404, { title: 'Not Found', errors: [{ message: 'no such trace' }] }, 'application/problem+json')
    const error = await caught(api.getTrace('t1'))
    expect(error.status).toBe(404)
    expect(error.detail).toBe('Not Found')
    expect(error.errors).toEqual(['no such trace'])
  })

  it('describes errors that are not JSON', async () => {
    respond(502, '<html>Bad gateway</html>', 'text/html')
    const error = await caught(api.getUiConfig())
    expect(error.status).toBe(502)
    expect(error.detail).toBe('GET /api/ui/config failed with status 502.')
  })

  it('reports network failures as an ApiError with status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const error = await caught(api.listWorkflows())
    expect(error.status).toBe(0)
    expect(error.detail).toContain('Failed to fetch')
  })

  it('starts runs asynchronously with the canvas trigger and encodes ids', async () => {
    const fetchMock = respond(202, { runId: 'r1', status: 'QUEUED' })
    await api.startRun('a/b', { q: 1 })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/workflows/a%2Fb/runs')
    expect(init.method).toBe('POST')
    expect((init.headers as Record<string, string>).Prefer).toBe('respond-async')
    expect(JSON.parse(init.body as string)).toEqual({ inputs: { q: 1 }, trigger: 'canvas' })
  })

  it('cancels a run by its encoded id', async () => {
    const fetchMock = respond(200, { runId: 'r 1', status: 'CANCELLED' })
    await api.cancelRun('r 1')
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/runs/r%201/cancel')
    expect(init.method).toBe('POST')
  })

  it('asks for a trace as JSON lines and reads either encoding', async () => {
    const head = { traceId: 't1', spanCount: 1, errorCount: 0 }
    const span = { spanId: 's1', name: 'run' }
    const lines = `${JSON.stringify(head)}\n${JSON.stringify(span)}\n`
    const fetchMock = respond(200, lines, 'application/x-ndjson')
    expect(await api.getTrace('t1')).toEqual({ ...head, spans: [span] })
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect((init.headers as Record<string, string>).Accept).toBe('application/x-ndjson, application/json;q=0.9')
    respond(200, { ...head, spans: [span] })
    expect(await api.getTrace('t1')).toEqual({ ...head, spans: [span] })
  })

  it('reports a trace cut short as an ApiError', async () => {
    respond(200, `${JSON.stringify({ traceId: 't1', spanCount: 2 })}\n{}\n`, 'application/x-ndjson')
    const error = await caught(api.getTrace('t1'))
    expect(error.title).toBe('Unreadable trace')
    expect(error.detail).toContain('1 of its 2 spans')
  })

  it('tells access problems (401, 403) from other failures', () => {
    const problem = (status: number) => new ApiError({ status, title: 't', detail: 'd' })
    expect(isAccessProblem(problem(401))).toBe(true)
    expect(isAccessProblem(problem(403))).toBe(true)
    expect(isAccessProblem(problem(500))).toBe(false)
    expect(isAccessProblem(new Error('x'))).toBe(false)
  })

  it('deletes a trace and accepts the empty 204 answer', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }))
    vi.stubGlobal('fetch', fetchMock)
    await expect(api.deleteTrace('t 1')).resolves.toBeUndefined()
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/traces/t%201')
    expect(init.method).toBe('DELETE')
  })

  it('reports a missing role as a 403 ApiError', async () => {
    respond(403, { title: 'Forbidden', status: 403, detail: 'role admin required' }, 'application/problem+json')
    const error = await caught(api.deleteTrace('t1'))
    expect(error.status).toBe(403)
    expect(error.detail).toBe('role admin required')
  })

  it('reads who is logged in and the tracing administration', async () => {
    const fetchMock = respond(200, { user: 'ada', roles: ['viewer', 'runner'] })
    expect(await api.getMe()).toEqual({ user: 'ada', roles: ['viewer', 'runner'] })
    await api.getTracingAdmin()
    expect(fetchMock.mock.calls.map((call) => (call as unknown as [string])[0])).toEqual([
      '/api/me',
      '/api/admin/tracing',
    ])
  })

  it('reads an odd /api/me answer as a user without roles', async () => {
    respond(200, { user: 'ada', roles: 'admin' })
    expect(await api.getMe()).toEqual({ user: 'ada', roles: [] })
    respond(200, { roles: ['runner', 7] })
    expect(await api.getMe()).toEqual({ user: '', roles: ['runner'] })
  })

  it('builds the run list query from the filter, skipping empty values', async () => {
    const fetchMock = respond(200, { items: [], nextCursor: null })
    await api.listRuns({ workflowId: 'hello-llm', status: 'FAILED', limit: 20, cursor: undefined })
    const [url] = fetchMock.mock.calls[0] as unknown as [string]
    expect(url).toBe('/api/traces?workflowId=hello-llm&status=FAILED&limit=20')
  })
})
