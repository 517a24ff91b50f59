import { memo, useMemo, useState } from 'react'
import type { Span } from '../api/types'
import { StatusBadge } from '../ui/StatusBadge'
import { formatMicros } from '../ui/format'
import './SpanTable.css'
import { sortSpanTable, spanTableRows, type SpanTableColumn, type SpanTableSort } from './spanTable'
import { useScrollViewport } from './useScrollViewport'
import { visibleRange } from './virtualWindow'

const ROW_HEIGHT = 26
const OVERSCAN = 12

const COLUMNS: { column: SpanTableColumn; label: string; numeric?: boolean }[] = [
  { column: 'name', label: 'Span' },
  { column: 'nodeType', label: 'Node type' },
  { column: 'status', label: 'Status' },
  { column: 'start', label: 'Start', numeric: true },
  { column: 'duration', label: 'Duration', numeric: true },
  { column: 'self', label: 'Self time', numeric: true },
]

interface SpanTableProps {
  spans: readonly Span[]
  selectedSpanId: string | null
  onSelect: (spanId: string) => void
}

/**
 * Every span of the trace as a table, sortable by any column (click a header; again to reverse).
 * Only the rows in view are drawn, as in the waterfall. Longest self time first by default: where
 * the run's time actually went.
 */
export function SpanTable({ spans, selectedSpanId, onSelect }: SpanTableProps) {
  const [sort, setSort] = useState<SpanTableSort>({ column: 'self', descending: true })
  const rows = useMemo(() => sortSpanTable(spanTableRows(spans), sort), [spans, sort])
  const { attach, onScroll, scrollTop, height } = useScrollViewport(600)
  const { start, end } = visibleRange({
    scrollTop,
    viewportHeight: height,
    rowHeight: ROW_HEIGHT,
    rowCount: rows.length,
    overscan: OVERSCAN,
  })
  const sortBy = (column: SpanTableColumn) =>
    setSort((current) => ({
      column,
      descending: current.column === column ? !current.descending : column !== 'name' && column !== 'nodeType',
    }))

  return (
    <div className="span-table" role="table" aria-label="Spans" aria-rowcount={rows.length} data-testid="span-table">
      <div className="span-table__row span-table__head" role="row">
        {COLUMNS.map(({ column, label, numeric }) => (
          <button
            key={column}
            type="button"
            role="columnheader"
            className={`span-table__cell${numeric ? ' span-table__cell--number' : ''}`}
            aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            onClick={() => sortBy(column)}
            data-testid={`span-table-sort-${column}`}
          >
            {label}
            {sort.column === column ? (sort.descending ? ' ▾' : ' ▴') : ''}
          </button>
        ))}
      </div>
      <div className="span-table__viewport" ref={attach} onScroll={onScroll}>
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(start, end).map((row, offset) => (
            <TableRow
              key={row.span.spanId}
              span={row.span}
              nodeType={row.nodeType}
              selfMicros={row.selfMicros}
              top={(start + offset) * ROW_HEIGHT}
              selected={row.span.spanId === selectedSpanId}
              onSelect={onSelect}
            />
          ))}
        </div>
      </div>
    </div>
  )
}

interface TableRowProps {
  span: Span
  nodeType: string
  selfMicros: number
  top: number
  selected: boolean
  onSelect: (spanId: string) => void
}

const TableRow = memo(function TableRow({ span, nodeType, selfMicros, top, selected, onSelect }: TableRowProps) {
  return (
    <div
      className={`span-table__row${selected ? ' span-table__row--selected' : ''}`}
      role="row"
      aria-selected={selected}
      style={{ top, height: ROW_HEIGHT }}
      onClick={() => onSelect(span.spanId)}
      data-testid={`span-table-row-${span.spanId}`}
    >
      <span className="span-table__cell" role="cell" title={span.name}>
        {span.name}
      </span>
      <span className="span-table__cell" role="cell">
        {nodeType}
      </span>
      <span className="span-table__cell" role="cell">
        <StatusBadge status={span.status} />
      </span>
      <span className="span-table__cell span-table__cell--number" role="cell">
        {formatMicros(span.offsetMicros)}
      </span>
      <span className="span-table__cell span-table__cell--number" role="cell">
        {formatMicros(span.durationMicros)}
      </span>
      <span className="span-table__cell span-table__cell--number" role="cell" data-testid="span-table-self">
        {formatMicros(selfMicros)}
      </span>
    </div>
  )
})
