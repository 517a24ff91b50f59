import { memo } from 'react'
import { IN_FLIGHT_ATTRIBUTE, LONGER_THAN_USUAL_ATTRIBUTE } from './spansInFlight'
import { formatMicros } from '../ui/format'
import { attemptCount, isRetryAttempt } from './spanFacts'
import type { TimelineRow } from './spanRows'
import type { TimeWindow } from '../store/canvasStore'
import { windowedBar } from './timelineScale'
import { serviceColor } from './services'
import './SpanRow.css'

export const ROW_HEIGHT = 28
const INDENT_PX = 14

interface SpanRowProps {
  row: TimelineRow
  index: number
  /** The part of the trace on the time axis. */
  window: TimeWindow
  selected: boolean
  matched: boolean
  currentMatch: boolean
  /** On the trace's critical path (shown on request). */
  critical: boolean
  onSelect: (spanId: string) => void
  onToggle: (spanId: string) => void
}

/** One span of the waterfall: name column (indented by depth) and its bar on the time axis. */
export const SpanRow = memo(function SpanRow({
  row,
  index,
  window,
  selected,
  matched,
  currentMatch,
  critical,
  onSelect,
  onToggle,
}: SpanRowProps) {
  const { span, collapsed } = row
  const isError = span.status === 'ERROR'
  const isOpen = span.attributes[IN_FLIGHT_ATTRIBUTE] === true
  const attempts = attemptCount(span)
  const bar = windowedBar(span.offsetMicros, span.durationMicros, window)
  const barEnd = bar.leftPercent + bar.widthPercent
  // Near the right edge the duration label goes left of the bar, so it stays readable.
  const labelStyle =
    barEnd > 80 ? { right: `calc(${100 - bar.leftPercent}% + 4px)` } : { left: `calc(${barEnd}% + 4px)` }
  const serviceStyle = span.foreign ? { backgroundColor: serviceColor(span.service) } : undefined
  const className = [
    'span-row',
    span.foreign && 'span-row--foreign',
    selected && 'span-row--selected',
    isError && 'span-row--error',
    matched && 'span-row--match',
    currentMatch && 'span-row--current-match',
    critical && 'span-row--critical',
  ]
    .filter(Boolean)
    .join(' ')

  return (
    <div
      className={className}
      role="row"
      aria-rowindex={index + 1}
      aria-selected={selected}
      aria-expanded={span.childCount > 0 ? !collapsed : undefined}
      aria-level={span.depth + 1}
      style={{ top: index * ROW_HEIGHT, height: ROW_HEIGHT }}
      data-testid={`span-row-${span.spanId}`}
      data-status={span.status}
      data-in-flight={isOpen || undefined}
      data-critical={critical || undefined}
      data-node-id={span.nodeId ?? ''}
      onClick={() => onSelect(span.spanId)}
    >
      <div className="span-row__name" role="gridcell" style={{ paddingLeft: 4 + span.depth * INDENT_PX }}>
        {span.childCount > 0 ? (
          <button
            type="button"
            className="span-toggle"
            aria-label={collapsed ? `Expand ${span.name}` : `Collapse ${span.name}`}
            onClick={(event) => {
              event.stopPropagation()
              onToggle(span.spanId)
            }}
          >
            {collapsed ? '▸' : '▾'}
          </button>
        ) : (
          <span className="span-toggle span-toggle--leaf" aria-hidden="true" />
        )}
        {isError && (
          <span className="span-error-icon" role="img" aria-label="error" title={span.statusMessage ?? 'error'}>
            ⚠
          </span>
        )}
        {span.foreign && (
          <span
            className="service-chip"
            style={serviceStyle}
            data-testid="span-service"
            title={`Sent by ${span.service ?? 'an unknown service'}${span.serviceInstance ? ` (${span.serviceInstance})` : ''} over OTLP`}
          >
            {span.service ?? 'unknown service'}
          </span>
        )}
        <span className="span-row__title" title={span.name}>
          {span.name}
        </span>
        {isOpen && <span className="badge badge--running">running</span>}
        {typeof span.attributes[LONGER_THAN_USUAL_ATTRIBUTE] === 'string' && (
          <span className="badge badge--longer" data-testid="span-longer-than-usual" role="status">
            ⚠ {span.attributes[LONGER_THAN_USUAL_ATTRIBUTE]}
          </span>
        )}
        {isRetryAttempt(span) && <span className="badge badge--retry">retry</span>}
        {attempts !== null && attempts > 1 && <span className="badge badge--attempts">{attempts} attempts</span>}
        {collapsed && <span className="badge">+{span.childCount}</span>}
      </div>
      <div className="span-row__track" role="gridcell">
        <div
          className={`span-bar${isError ? ' span-bar--error' : ''}${isOpen ? ' span-bar--open' : ''}`}
          style={{ left: `${bar.leftPercent}%`, width: `${bar.widthPercent}%`, ...(isError ? {} : serviceStyle) }}
        />
        <span className="span-row__duration" style={labelStyle}>
          {formatMicros(span.durationMicros)}
        </span>
      </div>
    </div>
  )
})
