// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Trace } from '../api/types'
import { initialCanvasState, useCanvasStore } from '../store/canvasStore'
import { TraceTimeline } from './TraceTimeline'
import { flatTrace, makeSpan } from '../../test/fixtures/spans'

afterEach(cleanup)
beforeEach(() => useCanvasStore.setState(initialCanvasState))

function traceOf(spans: Trace['spans']): Trace {
  return {
    traceId: 't1',
    run: null,
    startTime: '2024-05-01T10:00:00Z',
    durationMicros: Math.max(...spans.map((s) => s.offsetMicros + s.durationMicros)),
    spanCount: spans.length,
    errorCount: spans.filter((s) => s.status === 'ERROR').length,
    completeness: {
      complete: true,
      expectedSpans: spans.length,
      storedSpans: spans.length,
      rootPresent: true,
      orphanSpans: 0,
      missing: [],
      foreignSpans: 0,
      foreignServices: [],
    },
    detailsOmitted: false,
    spans,
  }
}

const rowsInDom = () => document.querySelectorAll('[data-testid^="span-row-"]')

describe('TraceTimeline', () => {
  it('renders only a window of a 10,000-span trace, quickly', () => {
    const trace = traceOf(flatTrace(10_000))
    const started = performance.now()
    render(<TraceTimeline trace={trace} />)
    const elapsed = performance.now() - started
    expect(rowsInDom().length).toBeGreaterThan(10)
    expect(rowsInDom().length).toBeLessThan(60)
    expect(screen.getByTestId('trace-timeline').getAttribute('aria-rowcount')).toBe('10000')
    expect(elapsed).toBeLessThan(1000)
  })

  it('marks status, node, errors, retries and attempts', () => {
    const spans = [
      makeSpan({ spanId: 'root', name: 'run retry-then-succeed', childCount: 1, durationMicros: 3000 }),
      makeSpan({
        spanId: 'node',
        parentSpanId: 'root',
        name: 'fail flaky',
        nodeId: 'flaky',
        depth: 1,
        childCount: 2,
        attributes: { 'workflow.node.attempts': 3 },
      }),
      makeSpan({
        spanId: 'try1',
        parentSpanId: 'node',
        name: 'flaky attempt 1',
        nodeId: 'flaky',
        depth: 2,
        status: 'ERROR',
        attributes: { 'workflow.node.attempt': 1 },
      }),
      makeSpan({
        spanId: 'try2',
        parentSpanId: 'node',
        name: 'flaky attempt 2',
        nodeId: 'flaky',
        depth: 2,
        status: 'OK',
        attributes: { 'workflow.node.attempt': 2 },
      }),
    ]
    render(<TraceTimeline trace={traceOf(spans)} />)
    const failed = screen.getByTestId('span-row-try1')
    expect(failed.getAttribute('data-status')).toBe('ERROR')
    expect(failed.getAttribute('data-node-id')).toBe('flaky')
    expect(failed.querySelector('[aria-label="error"]')).not.toBeNull()
    expect(failed.querySelector('.span-bar--error')).not.toBeNull()
    expect(screen.getByTestId('span-row-try2').textContent).toContain('retry')
    expect(screen.getByTestId('span-row-try1').textContent).not.toContain('retry')
    expect(screen.getByTestId('span-row-node').textContent).toContain('3 attempts')
  })

  it('selects a span on click and collapses children with the toggle', () => {
    const trace = traceOf(flatTrace(5))
    render(<TraceTimeline trace={trace} />)
    fireEvent.click(screen.getByTestId('span-row-s2'))
    expect(useCanvasStore.getState().selectedSpanId).toBe('s2')
    expect(screen.getByTestId('span-row-s2').getAttribute('aria-selected')).toBe('true')

    fireEvent.click(screen.getByRole('button', { name: 'Collapse run big' }))
    expect(rowsInDom()).toHaveLength(1)
    expect(useCanvasStore.getState().selectedSpanId).toBe('s2')
    fireEvent.click(screen.getByRole('button', { name: 'Expand run big' }))
    expect(rowsInDom()).toHaveLength(5)
  })

  it('brings a revealed span into the rendered window', () => {
    const trace = traceOf(flatTrace(10_000))
    render(<TraceTimeline trace={trace} />)
    expect(screen.queryByTestId('span-row-s9000')).toBeNull()
    act(() => useCanvasStore.getState().revealSpan('s9000', ['s0']))
    expect(screen.getByTestId('span-row-s9000').getAttribute('aria-selected')).toBe('true')
  })
})
