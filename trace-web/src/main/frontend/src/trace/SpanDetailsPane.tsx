import { EmptyState } from '../ui/EmptyState'
import { SpanDetails } from './SpanDetails'
import './SpanDetailsPane.css'
import type { SelectedSpan } from './useSelectedSpan'

/** The pane beside the timeline or the graph: the selected span's details, or a placeholder if given. */
export function SpanDetailsPane({ selected, placeholder }: { selected: SelectedSpan | null; placeholder?: string }) {
  if (!selected) {
    return placeholder ? (
      <aside className="details-pane">
        <EmptyState>{placeholder}</EmptyState>
      </aside>
    ) : null
  }
  return (
    <aside className="details-pane">
      <SpanDetails
        key={selected.span.spanId}
        span={selected.span}
        traceId={selected.traceId}
        detail={selected.detail}
      />
    </aside>
  )
}
