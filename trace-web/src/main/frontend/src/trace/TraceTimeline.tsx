import { useCallback, useMemo } from 'react'
import type { Trace } from '../api/types'
import { useCanvasStore } from '../store/canvasStore'
import { SpanWaterfall } from './SpanWaterfall'
import { TraceMinimap } from './TraceMinimap'
import './TraceTimeline.css'
import { buildRows } from './spanRows'

const NO_MATCHES: ReadonlySet<string> = new Set()

interface TraceTimelineProps {
  trace: Trace
  matches?: ReadonlySet<string>
  currentMatchId?: string | null
  /** Spans on the critical path, highlighted when it is shown. */
  critical?: ReadonlySet<string>
}

/**
 * The waterfall's container: folding, selection and scroll requests live in the store; the rows are
 * a pure function of the spans and the collapsed ids (spanRows.ts); SpanWaterfall draws them.
 */
export function TraceTimeline({
  trace,
  matches = NO_MATCHES,
  currentMatchId = null,
  critical = NO_MATCHES,
}: TraceTimelineProps) {
  const collapsedSpanIds = useCanvasStore((s) => s.collapsedSpanIds)
  const selectedSpanId = useCanvasStore((s) => s.selectedSpanId)
  const scrollRequest = useCanvasStore((s) => s.scrollRequest)
  const selectSpan = useCanvasStore((s) => s.selectSpan)
  const revealSpan = useCanvasStore((s) => s.revealSpan)
  const toggleCollapsed = useCanvasStore((s) => s.toggleCollapsed)

  const zoom = useCanvasStore((s) => s.zoom)
  const setZoom = useCanvasStore((s) => s.setZoom)
  const rows = useMemo(() => buildRows(trace.spans, collapsedSpanIds), [trace.spans, collapsedSpanIds])
  const window = useMemo(
    () => zoom ?? { startMicros: 0, durationMicros: trace.durationMicros },
    [zoom, trace.durationMicros],
  )
  // A row in view has no collapsed ancestors to open.
  const revealRow = useCallback((spanId: string) => revealSpan(spanId, []), [revealSpan])

  return (
    <div className="trace-timeline">
      <TraceMinimap spans={trace.spans} durationMicros={trace.durationMicros} zoom={zoom} onZoom={setZoom} />
      <SpanWaterfall
        rows={rows}
        window={window}
        selectedSpanId={selectedSpanId}
        matches={matches}
        currentMatchId={currentMatchId}
        critical={critical}
        scrollRequest={scrollRequest}
        onSelect={selectSpan}
        onToggle={toggleCollapsed}
        onReveal={revealRow}
      />
    </div>
  )
}
