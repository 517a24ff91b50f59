// The selected span of a trace with its details from the server, for the containers that show it.
import { useSpanDetail } from '../api/hooks'
import type { QueryState } from '../api/queryCache'
import type { Span, SpanDetail, Trace } from '../api/types'
import { spansById } from './spanRows'

export interface SelectedSpan {
  traceId: string
  span: Span
  /** The span's artifacts come with its details, fetched on selection. */
  detail: QueryState<SpanDetail>
}

/**
 * The span `selectedSpanId` of `trace`, or null when none is selected or the trace lacks it.
 * `shown` false asks the server for nothing, for a pane that is not on screen.
 */
export function useSelectedSpan(
  trace: Trace | null | undefined,
  selectedSpanId: string | null,
  shown = true,
): SelectedSpan | null {
  const span = shown && trace && selectedSpanId ? spansById(trace.spans).get(selectedSpanId) : undefined
  const traceId = span && trace ? trace.traceId : null
  const detail = useSpanDetail(traceId, span?.spanId ?? null)
  return traceId && span ? { traceId, span, detail } : null
}
