import { useTrace } from '../api/hooks'
import { useCanvasStore } from '../store/canvasStore'
import { EmptyState } from '../ui/EmptyState'
import { SpanDetails } from './SpanDetails'
import { spansById } from './spanRows'
import './SelectedSpanPanel.css'

/** The details of the selected span, shown beside the timeline and beside the graph. */
export function SelectedSpanPanel({ placeholder }: { placeholder?: string }) {
  const traceId = useCanvasStore((s) => s.selectedTraceId)
  const selectedSpanId = useCanvasStore((s) => s.selectedSpanId)
  const trace = useTrace(traceId)
  const span = traceId && selectedSpanId && trace.data ? spansById(trace.data.spans).get(selectedSpanId) : undefined
  if (!traceId || !span) {
    return placeholder ? (
      <aside className="details-pane">
        <EmptyState>{placeholder}</EmptyState>
      </aside>
    ) : null
  }
  return (
    <aside className="details-pane">
      <SpanDetails key={span.spanId} span={span} traceId={traceId} />
    </aside>
  )
}
