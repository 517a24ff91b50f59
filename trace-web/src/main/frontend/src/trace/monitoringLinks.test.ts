import { describe, expect, it } from 'vitest'
import { COMPLETE } from '../../test/fixtures/spans'
import type { Run, Trace } from '../api/types'
import { fillTemplate, isSafeHref, linkValues, resolveLinks } from './monitoringLinks'

const trace = {
  traceId: 'abc123',
  run: { runId: 'run 1', workflowId: 'a&b' } as Run,
  startTime: '2024-05-01T10:00:00.000Z',
  durationMicros: 1500,
  spanCount: 0,
  errorCount: 0,
  completeness: COMPLETE,
  detailsOmitted: false,
  spans: [],
} satisfies Trace

describe('monitoring links', () => {
  it('derives the window in epoch milliseconds, rounded up', () => {
    const values = linkValues(trace)
    expect(values.startMs).toBe('1714557600000')
    expect(values.endMs).toBe('1714557600002')
  })

  it('fills and URL-encodes every placeholder', () => {
    const url = fillTemplate(
      'https://grafana.example/explore?trace={traceId}&run={runId}&wf={workflowId}&from={startMs}&to={endMs}&x={other}',
      linkValues(trace),
    )
    expect(url).toBe(
      'https://grafana.example/explore?trace=abc123&run=run%201&wf=a%26b&from=1714557600000&to=1714557600002&x={other}',
    )
  })

  it('leaves values empty when the trace has no run', () => {
    expect(fillTemplate('/r/{runId}', linkValues({ ...trace, run: null }))).toBe('/r/')
  })

  it('drops links that are not http(s)', () => {
    expect(isSafeHref('javascript:alert(1)')).toBe(false)
    expect(isSafeHref('/relative/path')).toBe(true)
    const links = resolveLinks(
      [
        { name: 'Jaeger', urlTemplate: 'http://jaeger/trace/{traceId}' },
        { name: 'Bad', urlTemplate: 'javascript:alert("{traceId}")' },
      ],
      trace,
    )
    expect(links).toEqual([{ name: 'Jaeger', href: 'http://jaeger/trace/abc123' }])
  })
})
