// Traces made only of spans other services sent over OTLP, with no run of ours: listed by their
// root span, filterable by service, each opening in the Trace tab.
import { useState } from 'react'
import { useForeignTraces } from '../api/hooks'
import { useCanvasStore } from '../store/canvasStore'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { formatDateTime, formatMicros } from '../ui/format'
import { serviceColor } from '../trace/services'

export function ForeignTraces() {
  const [draft, setDraft] = useState('')
  const [service, setService] = useState('')
  const traces = useForeignTraces(service)
  const openTrace = useCanvasStore((s) => s.openTrace)
  const items = traces.data?.items ?? []
  return (
    <section className="foreign-traces" data-testid="foreign-traces" aria-label="Traces from other services">
      <h3>Other services</h3>
      <form
        className="search-form"
        onSubmit={(event) => {
          event.preventDefault()
          setService(draft.trim())
        }}
      >
        <label className="search-form__field">
          <span className="field-label">Service</span>
          <input
            className="input input--small"
            value={draft}
            maxLength={255}
            placeholder="service.name, any when empty"
            onChange={(event) => setDraft(event.target.value)}
            data-testid="foreign-service"
          />
        </label>
        <button type="submit" className="button button--small" data-testid="foreign-search">
          Show
        </button>
      </form>
      {traces.status === 'error' && <ErrorBox error={traces.error} title="Could not list them" />}
      {traces.status === 'loading' && !traces.data && <Spinner label="Loading…" />}
      {traces.data && items.length === 0 && (
        <p className="muted">
          No trace of only other services' spans in the last 7 days{service && ` from ${service}`}.
        </p>
      )}
      {items.length > 0 && (
        <table className="search-table">
          <thead>
            <tr>
              <th>Service</th>
              <th>Root span</th>
              <th>Started</th>
              <th className="search-table__number">Duration</th>
              <th className="search-table__number">Spans</th>
              <th className="search-table__number">Errors</th>
              <th>Trace</th>
            </tr>
          </thead>
          <tbody>
            {items.map((trace) => (
              <tr key={trace.traceId} data-testid={`foreign-row-${trace.traceId}`}>
                <td>
                  <span className="service-chip" style={{ backgroundColor: serviceColor(trace.service) }}>
                    {trace.service ?? 'unknown service'}
                  </span>
                </td>
                <td>{trace.rootName}</td>
                <td>
                  <time dateTime={trace.startTime}>{formatDateTime(trace.startTime)}</time>
                </td>
                <td className="search-table__number">{formatMicros(trace.durationMicros)}</td>
                <td className="search-table__number">{trace.spanCount.toLocaleString()}</td>
                <td className="search-table__number">{trace.errorCount.toLocaleString()}</td>
                <td>
                  <a
                    href={`/traces/${trace.traceId}`}
                    className="mono"
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
                      event.preventDefault()
                      openTrace(trace.traceId, null)
                    }}
                  >
                    {trace.traceId.slice(0, 12)}…
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
