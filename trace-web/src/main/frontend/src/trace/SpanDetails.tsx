import type { ReactNode } from 'react'
import type { QueryState } from '../api/queryCache'
import type { AttributeValue, Span, SpanDetail, SpanEvent } from '../api/types'
import { EmptyState } from '../ui/EmptyState'
import { ErrorBox } from '../ui/ErrorBox'
import { Spinner } from '../ui/Spinner'
import { StatusBadge } from '../ui/StatusBadge'
import { formatDateTime, formatMicros } from '../ui/format'
import { ArtifactView } from './ArtifactView'
import { exceptionOf } from './spanFacts'
import './SpanDetails.css'

function Section({ title, open = true, children }: { title: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="details-section" open={open}>
      <summary>{title}</summary>
      <div className="details-section__body">{children}</div>
    </details>
  )
}

function formatValue(value: AttributeValue): string {
  return Array.isArray(value) ? JSON.stringify(value) : String(value)
}

/** Event time relative to the span's start; epoch nanoseconds lose sub-microsecond precision in JS. */
function eventOffset(event: SpanEvent, span: Span): string {
  const spanStartMs = Date.parse(span.startTime)
  if (!Number.isFinite(spanStartMs)) return ''
  return `+${formatMicros(Math.max(0, Math.round(event.timeNanos / 1000 - spanStartMs * 1000)))}`
}

function Overview({ span, traceId }: { span: Span; traceId: string }) {
  const rows: [string, ReactNode][] = [
    ['Name', span.name],
    ['Kind', span.kind],
    ['Status', <StatusBadge status={span.status} />],
    ['Status message', span.statusMessage ?? '—'],
    ['Start time', formatDateTime(span.startTime)],
    ['Duration', formatMicros(span.durationMicros)],
    ['Node', span.nodeId ?? '—'],
    [
      'Service',
      span.foreign
        ? `${span.service ?? 'unknown service'}${span.serviceInstance ? ` (${span.serviceInstance})` : ''} — sent over OTLP`
        : (span.service ?? 'this application'),
    ],
    ['Span id', <code>{span.spanId}</code>],
    ['Parent span id', span.parentSpanId ? <code>{span.parentSpanId}</code> : '—'],
    ['Trace id', <code>{traceId}</code>],
  ]
  return (
    <dl className="key-values">
      {rows.map(([label, value]) => (
        <div key={label} className="key-values__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

function Attributes({ attributes }: { attributes: Span['attributes'] }) {
  const entries = Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b))
  if (entries.length === 0) return <EmptyState>No attributes.</EmptyState>
  return (
    <table className="attribute-table">
      <tbody>
        {entries.map(([key, value]) => (
          <tr key={key}>
            <th scope="row">{key}</th>
            <td>{formatValue(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function Events({ span }: { span: Span }) {
  if (span.events.length === 0) return <EmptyState>No events.</EmptyState>
  return (
    <ol className="event-list">
      {span.events.map((event, index) => (
        <li key={index}>
          <strong>{event.name}</strong> <span className="muted">{eventOffset(event, span)}</span>
          {Object.keys(event.attributes).length > 0 && <Attributes attributes={event.attributes} />}
        </li>
      ))}
    </ol>
  )
}

function Artifacts({ detail }: { detail: QueryState<SpanDetail> }) {
  if (detail.status === 'loading') return <Spinner label="Loading artifacts…" />
  if (detail.status === 'error') return <ErrorBox error={detail.error} title="Could not load the artifacts" />
  if (detail.data.artifacts.length === 0) return <EmptyState>No artifacts recorded for this span.</EmptyState>
  return (
    <>
      {detail.data.artifacts.map((artifact) => (
        <ArtifactView key={artifact.seq} artifact={artifact} />
      ))}
    </>
  )
}

interface SpanDetailsProps {
  span: Span
  traceId: string
  /** The span's details from the server, for its artifacts. */
  detail: QueryState<SpanDetail>
}

/**
 * Everything about one span, in accordion sections. Attributes and events come from the span's own
 * read once it is in: a big trace is sent without them (`detailsOmitted`).
 */
export function SpanDetails({ span: fromTrace, traceId, detail }: SpanDetailsProps) {
  const span =
    detail.status === 'success'
      ? { ...fromTrace, attributes: detail.data.span.attributes, events: detail.data.span.events }
      : fromTrace
  const exception = exceptionOf(span)
  return (
    <section className="span-details" data-testid="span-details" aria-label={`Span ${span.name}`}>
      <header className="span-details__header">
        <h3 title={span.name}>{span.name}</h3>
        <StatusBadge status={span.status} />
      </header>
      <Section title="Overview">
        <Overview span={span} traceId={traceId} />
      </Section>
      {exception && (
        <Section title="Exception">
          <div className="exception" data-testid="span-exception">
            <p>
              <strong>{exception.type ?? 'Exception'}</strong>
              {exception.message && `: ${exception.message}`}
            </p>
            {exception.stacktrace && <pre className="exception__stacktrace">{exception.stacktrace}</pre>}
          </div>
        </Section>
      )}
      <Section title={`Attributes (${Object.keys(span.attributes).length})`}>
        <Attributes attributes={span.attributes} />
      </Section>
      <Section title={`Events (${span.events.length})`} open={span.events.length > 0}>
        <Events span={span} />
      </Section>
      <Section title="Artifacts">
        <Artifacts detail={detail} />
      </Section>
    </section>
  )
}
