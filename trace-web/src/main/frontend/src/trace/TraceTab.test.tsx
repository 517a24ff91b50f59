// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { queryCache } from '../api/hooks'
import type { Run, SpanDetail, Trace, UiConfig } from '../api/types'
import { initialCanvasState, useCanvasStore } from '../store/canvasStore'
import { TraceTab } from './TraceTab'
import { makeSpan } from './testSpans'

const run = { runId: 'run-1', traceId: 'trace-1', workflowId: 'always-fails', status: 'FAILED' } as Run

const spans = [
  makeSpan({ spanId: 'root', name: 'run always-fails', childCount: 1, status: 'ERROR', durationMicros: 5000 }),
  makeSpan({
    spanId: 'node',
    parentSpanId: 'root',
    name: 'fail boom',
    nodeId: 'boom',
    depth: 1,
    childCount: 1,
    status: 'ERROR',
    statusMessage: 'gave up after 3 attempts',
    attributes: { 'workflow.node.type': 'fail', 'workflow.node.attempts': 3 },
    events: [
      {
        name: 'exception',
        timeNanos: 1714557600001000000,
        attributes: {
          'exception.type': 'WorkflowFailure',
          'exception.message': 'boom',
          'exception.stacktrace': 'at boom()',
        },
      },
    ],
  }),
  makeSpan({
    spanId: 'attempt',
    parentSpanId: 'node',
    name: 'boom attempt 3',
    nodeId: 'boom',
    depth: 2,
    status: 'ERROR',
    attributes: { 'workflow.node.attempt': 3 },
  }),
]

const trace: Trace = {
  traceId: 'trace-1',
  run,
  startTime: '2024-05-01T10:00:00Z',
  durationMicros: 5000,
  spanCount: 3,
  errorCount: 3,
  completeness: { complete: true, expectedSpans: null, storedSpans: 0, rootPresent: true, orphanSpans: 0 },
  spans,
}

const uiConfig: UiConfig = {
  traceTabEnabled: true,
  monitoringLinks: [{ name: 'Logs', urlTemplate: 'https://logs.example/?trace={traceId}&from={startMs}' }],
}

function detailOf(spanId: string): SpanDetail {
  return {
    traceId: 'trace-1',
    span: spans.find((s) => s.spanId === spanId)!,
    artifacts: [
      {
        seq: 0,
        kind: 'prompt',
        contentType: 'text/plain',
        content: '<script>alert(1)</script> token [REDACTED]',
        originalLength: 40,
        truncated: false,
      },
    ],
  }
}

function serve(url: string): unknown {
  if (url === '/api/traces/trace-1') return trace
  if (url === '/api/ui/config') return uiConfig
  const span = url.match(/^\/api\/traces\/trace-1\/spans\/(\w+)$/)
  if (span) return detailOf(span[1])
  throw new Error(`unexpected ${url}`)
}

beforeEach(() => {
  queryCache.clear()
  useCanvasStore.setState({ ...initialCanvasState, selectedRunId: 'run-1', selectedTraceId: 'trace-1' })
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async (url: string) =>
        new Response(JSON.stringify(serve(url)), { headers: { 'content-type': 'application/json' } }),
    ),
  )
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('TraceTab', () => {
  it('follows the failed node to its span and shows the exception and artifacts as text', async () => {
    render(<TraceTab />)
    fireEvent.click(await screen.findByTestId('follow-failed-node'))
    expect(screen.getByTestId('span-row-node').getAttribute('aria-selected')).toBe('true')
    const details = screen.getByTestId('span-details')
    expect(details.textContent).toContain('WorkflowFailure')
    expect(details.querySelector('.exception__stacktrace')?.textContent).toBe('at boom()')

    const artifact = await screen.findByTestId('artifact-content')
    expect(artifact.textContent).toContain('<script>alert(1)</script>')
    expect(artifact.querySelector('script')).toBeNull()
    expect(artifact.querySelector('mark.redaction')?.textContent).toBe('[REDACTED]')
  })

  it('counts search matches and steps through them', async () => {
    render(<TraceTab />)
    const search = await screen.findByTestId('trace-search')
    fireEvent.change(search, { target: { value: 'boom' } })
    expect(screen.getByTestId('trace-search-count').textContent).toBe('1 of 2 matches')
    expect(screen.getByTestId('span-row-node').className).toContain('span-row--current-match')
    fireEvent.keyDown(search, { key: 'Enter' })
    expect(screen.getByTestId('trace-search-count').textContent).toBe('2 of 2 matches')
    expect(screen.getByTestId('span-row-attempt').className).toContain('span-row--current-match')
  })

  it('fills the monitoring links for the trace', async () => {
    render(<TraceTab />)
    const link = await screen.findByTestId('monitoring-link')
    expect(link.getAttribute('href')).toBe('https://logs.example/?trace=trace-1&from=1714557600000')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toBe('noopener')
  })

  it('asks for a run when none is selected', async () => {
    useCanvasStore.setState(initialCanvasState)
    render(<TraceTab />)
    await waitFor(() => expect(screen.getByText(/Pick a run from the history/)).toBeTruthy())
  })
})
