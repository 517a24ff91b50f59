import { memo, useEffect, useRef, useState, type PointerEvent } from 'react'
import type { Span } from '../api/types'
import { formatMicros } from '../ui/format'
import type { TimeWindow } from '../store/canvasStore'
import { Cover, minimapPixels } from './minimapPixels'
import './TraceMinimap.css'

const HEIGHT = 48
/** The waterfall's bar colours, as opaque RGBA. */
const OK_RGB = [0x2f, 0x6f, 0xde, 0xff]
const ERROR_RGB = [0xd6, 0x45, 0x45, 0xff]

interface TraceMinimapProps {
  spans: readonly Span[]
  durationMicros: number
  /** The range the waterfall shows; null for the whole trace. */
  zoom: TimeWindow | null
  onZoom: (zoom: TimeWindow | null) => void
}

/**
 * The whole trace in a strip above the waterfall: one line per span, in the waterfall's order, on
 * a canvas, its pixels worked out in one pass (cheap at 100,000 spans). Drag across it to show only that time range below; "Whole
 * trace" shows everything again.
 */
export const TraceMinimap = memo(function TraceMinimap({ spans, durationMicros, zoom, onZoom }: TraceMinimapProps) {
  const canvas = useRef<HTMLCanvasElement>(null)
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null)

  useEffect(() => {
    const element = canvas.current
    const context = element?.getContext?.('2d')
    if (!element || !context || !(durationMicros > 0)) return
    const width = (element.width = Math.round(element.clientWidth * devicePixelRatio))
    const height = (element.height = Math.round(HEIGHT * devicePixelRatio))
    if (width === 0 || height === 0) return
    const pixels = minimapPixels(spans, durationMicros, width, height)
    const image = context.createImageData(width, height)
    pixels.forEach((cover, pixel) => {
      const color = cover === Cover.Error ? ERROR_RGB : cover === Cover.Ok ? OK_RGB : null
      if (color) image.data.set(color, pixel * 4)
    })
    context.putImageData(image, 0, 0)
  }, [spans, durationMicros])

  const fraction = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    return Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)))
  }
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    event.currentTarget.setPointerCapture?.(event.pointerId)
    const at = fraction(event)
    setDrag({ from: at, to: at })
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (drag) setDrag({ ...drag, to: fraction(event) })
  }
  const onPointerUp = () => {
    if (!drag) return
    const from = Math.min(drag.from, drag.to)
    const to = Math.max(drag.from, drag.to)
    setDrag(null)
    if (to - from > 0.005) onZoom({ startMicros: from * durationMicros, durationMicros: (to - from) * durationMicros })
  }

  const shown = drag
    ? { left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }
    : zoom && durationMicros > 0
      ? { left: zoom.startMicros / durationMicros, width: zoom.durationMicros / durationMicros }
      : null

  return (
    <div className="minimap">
      <div
        className="minimap__strip"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        title="Drag across the trace to show only that time range"
        data-testid="trace-minimap"
      >
        <canvas ref={canvas} className="minimap__canvas" style={{ height: HEIGHT }} />
        {shown && (
          <div
            className="minimap__range"
            style={{ left: `${shown.left * 100}%`, width: `${shown.width * 100}%` }}
            data-testid="minimap-range"
          />
        )}
      </div>
      {zoom && (
        <div className="minimap__zoom">
          <span data-testid="minimap-zoom">
            {formatMicros(zoom.startMicros)} – {formatMicros(zoom.startMicros + zoom.durationMicros)}
          </span>
          <button
            type="button"
            className="button button--small"
            onClick={() => onZoom(null)}
            data-testid="minimap-reset"
          >
            Whole trace
          </button>
        </div>
      )}
    </div>
  )
})
