// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queryCache } from '../api/hooks'
import type { NodeExecution, NodeExecutions } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { NodeExecutionsList } from './NodeExecutionsList'

const ok: NodeExecution = {
  traceId: 'a'.repeat(32),
  spanId: '1'.repeat(16),
  version: 2,
  startedAt: '2026-12-03T10:00:00Z',
  durationMs: 312.5,
  failed: false,
  error: null,
}
const failed: NodeExecution = {
  ...ok,
  traceId: 'b'.repeat(32),
  spanId: '2'.repeat(16),
  version: 1,
  failed: true,
  error: 'model refused',
}

const fetchMock = vi.fn(async (url: string) => {
  const query = new URL(url, 'http://localhost').searchParams
  const executions = query.get('status') === 'failed' ? [failed] : [ok, failed]
  const body: NodeExecutions = {
    workflowId: 'w',
    nodeId: 'ask',
    version: null,
    from: '2026-12-03T09:00:00Z',
    to: '2026-12-03T11:00:00Z',
    executions: query.get('order') === 'slowest' ? [...executions].reverse() : executions,
  }
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
})

beforeEach(() => {
  fetchMock.mockClear()
  queryCache.clear()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

const asked = () => new URL(String(fetchMock.mock.calls.at(-1)![0]), 'http://localhost')

describe('NodeExecutionsList', () => {
  it("lists the node's executions of the range and opens a trace at the node's span", async () => {
    const openTrace = vi.fn()
    useCanvasStore.setState({ openTrace })
    render(<NodeExecutionsList workflowId="w" nodeId="ask" range={{ from: '2026-12-03T09:00:00Z', version: 2 }} />)
    const items = await screen.findAllByTestId('node-execution')
    expect(items).toHaveLength(2)
    expect(asked().pathname).toBe('/api/workflows/w/nodes/ask/executions')
    expect(asked().searchParams.get('from')).toBe('2026-12-03T09:00:00Z')
    expect(asked().searchParams.get('version')).toBe('2')
    expect(asked().searchParams.get('limit')).toBe('10')
    expect(items[1].textContent).toContain('failed')
    expect(items[1].getAttribute('title')).toBe('model refused')
    fireEvent.click(items[0])
    expect(openTrace).toHaveBeenCalledWith(ok.traceId, ok.spanId)
  })

  it('asks for the slowest first and for failed ones only', async () => {
    render(<NodeExecutionsList workflowId="w" nodeId="ask" range={{ from: '2026-12-03T09:00:00Z' }} />)
    await screen.findAllByTestId('node-execution')
    fireEvent.change(screen.getByTestId('node-executions-order'), { target: { value: 'slowest' } })
    await waitFor(() => expect(asked().searchParams.get('order')).toBe('slowest'))
    fireEvent.click(screen.getByTestId('node-executions-failed'))
    await waitFor(() => expect(asked().searchParams.get('status')).toBe('failed'))
    await waitFor(() => expect(screen.getAllByTestId('node-execution')).toHaveLength(1))
  })
})
