// The span table: every span with its self time (its duration less the time its children ran),
// sortable; a pure function of the spans, so the view only draws rows.
import type { Span } from '../api/types'
import { ATTR } from './spanFacts'
import { childrenByParent } from './spanRows'

export interface SpanTableRow {
  span: Span
  nodeType: string
  selfMicros: number
}

export type SpanTableColumn = 'name' | 'nodeType' | 'status' | 'duration' | 'self' | 'start'

export interface SpanTableSort {
  column: SpanTableColumn
  descending: boolean
}

/**
 * Each span's self time: its duration less the union of its children's time inside it (children
 * that overlap count once). One pass to group children, then a sort of each parent's children.
 */
export function spanTableRows(spans: readonly Span[]): SpanTableRow[] {
  const children = childrenByParent(spans)
  return spans.map((span) => ({
    span,
    nodeType: nodeTypeOf(span),
    selfMicros: selfTime(span, children.get(span.spanId) ?? []),
  }))
}

function nodeTypeOf(span: Span): string {
  const type = span.attributes[ATTR.nodeType]
  return typeof type === 'string' ? type : ''
}

function selfTime(span: Span, kids: readonly Span[]): number {
  const start = span.offsetMicros
  const end = start + span.durationMicros
  const intervals = kids
    .map((kid) => [Math.max(start, kid.offsetMicros), Math.min(end, kid.offsetMicros + kid.durationMicros)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0])
  let covered = 0
  let reach = start
  for (const [from, to] of intervals) {
    if (to <= reach) continue
    covered += to - Math.max(from, reach)
    reach = to
  }
  return Math.max(0, span.durationMicros - covered)
}

const STATUS_ORDER: Record<string, number> = { ERROR: 0, UNSET: 1, OK: 2 }

const compare: Record<SpanTableColumn, (a: SpanTableRow, b: SpanTableRow) => number> = {
  name: (a, b) => a.span.name.localeCompare(b.span.name),
  nodeType: (a, b) => a.nodeType.localeCompare(b.nodeType),
  status: (a, b) => (STATUS_ORDER[a.span.status] ?? 3) - (STATUS_ORDER[b.span.status] ?? 3),
  duration: (a, b) => a.span.durationMicros - b.span.durationMicros,
  self: (a, b) => a.selfMicros - b.selfMicros,
  start: (a, b) => a.span.offsetMicros - b.span.offsetMicros,
}

/** The rows in the order asked; ties keep the trace's order (depth first), so it is stable. */
export function sortSpanTable(rows: readonly SpanTableRow[], sort: SpanTableSort): SpanTableRow[] {
  const by = compare[sort.column]
  const sign = sort.descending ? -1 : 1
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => sign * by(a.row, b.row) || a.index - b.index)
    .map(({ row }) => row)
}
